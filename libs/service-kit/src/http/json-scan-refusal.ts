import { PayloadTooLargeError, ValidationError, type EdictError } from '@edict/core';
import { EdgeCodes } from '../problem/problem-codes';
import type { JsonBodyLimits } from './json-body-limits';
import type { JsonScanFinding } from './json-prescan';

/** The edge's refusal for what the JSON pre-scan found: one mapping for every reader of bodies. */
export function jsonScanRefusal(finding: JsonScanFinding, limits: JsonBodyLimits): EdictError {
  switch (finding.kind) {
    case 'too-deep':
      return new ValidationError(EdgeCodes.tooDeep, `The request body nests deeper than ${limits.maxDepth} levels.`, { maxDepth: limits.maxDepth, offset: finding.offset });
    case 'too-many-members':
      return new PayloadTooLargeError(EdgeCodes.tooManyMembers, `The request body has more than ${limits.maxMembers} keys and items.`, { maxMembers: limits.maxMembers });
    case 'non-finite-number':
      return new ValidationError(EdgeCodes.nonFiniteNumber, `The number ${finding.literal} is out of range (it is not a finite double).`, { offset: finding.offset });
  }
}
