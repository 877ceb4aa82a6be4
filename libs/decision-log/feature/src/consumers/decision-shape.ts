import type { DecisionLogged } from '@edict/contracts';
import { ValidationError } from '@edict/core';

type Decision = DecisionLogged['data'];

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

const isBundleRef = (b: unknown): boolean =>
  isObject(b) && isString(b['policyId']) && isString(b['version']) && typeof b['canary'] === 'boolean';

const isResult = (r: unknown): boolean =>
  isObject(r) && isString(r['effect']) && (r['rule'] === null || isString(r['rule'])) && typeof r['noMatch'] === 'boolean' &&
  (r['error'] === undefined || (isObject(r['error']) && isString(r['error']['code'])));

/**
 * Whether a payload has every field decision-log stores, masks and windows, with usable types:
 * a stored row must never break the window SQL (which reads `bundles[].canary` as boolean) or
 * the masking (which walks `request`).
 */
export const isStorableDecision = (d: unknown): d is Decision =>
  isObject(d) && isString(d['decisionId']) && d['decisionId'] !== '' && isString(d['policyId']) && isString(d['subject']) &&
  isString(d['timestamp']) && !Number.isNaN(Date.parse(d['timestamp'])) &&
  (d['version'] === null || isString(d['version'])) &&
  isObject(d['request']) && isResult(d['result']) &&
  Array.isArray(d['bundles']) && d['bundles'].every(isBundleRef) &&
  typeof d['evaluationNs'] === 'number' && Number.isFinite(d['evaluationNs']) && d['evaluationNs'] >= 0;

/** Throws DECISION_LOG.MALFORMED_DECISION (a poison message: the consumer dead-letters it). */
export function assertStorableDecision(d: unknown): asserts d is Decision {
  if (!isStorableDecision(d)) throw new ValidationError('DECISION_LOG.MALFORMED_DECISION', 'not a DecisionLogged payload decision-log can store');
}
