import { checkConditions } from '../schema/check-conditions';
import { checkSemantics } from '../schema/check-semantics';
import { validateSchema } from '../schema/validate-schema';
import type { BundleProblem } from '../model/bundle-problem';
import { Limits } from '../model/limits';
import { PolicyCodes } from '../model/problem-codes';
import { findTooDeep } from '../format/measure-size';
import { formatPath } from '../format/document-path';

/**
 * Validates a parsed bundle document: the JSON Schema, the rules the schema cannot state
 * (semver, unique ids, no wildcard allow-lists) and every CEL condition's compilation.
 * No lint. An empty array means the document compiles.
 */
export function validateBundleDocument(document: unknown): BundleProblem[] {
  const tooDeep = findTooDeep(document, Limits.maxDocumentDepth);
  if (tooDeep) {
    const path = formatPath(tooDeep);
    return [{ code: PolicyCodes.BUNDLE_TOO_DEEP, severity: 'error', path, message: `document nests deeper than ${Limits.maxDocumentDepth} levels at ${path}` }];
  }
  return [...validateSchema(document), ...checkSemantics(document), ...checkConditions(document)];
}
