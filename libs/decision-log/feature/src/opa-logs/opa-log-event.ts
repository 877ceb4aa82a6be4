import { ValidationError } from '@edict/core';

/**
 * The fields of an OPA decision-log event (EventV1 of OPA's decision_logs plugin) that Edict
 * reads; the others (`req_id`, `query`, `erased`, `masked`, `request_context`, …) are accepted
 * and ignored.
 */
export interface OpaLogEvent {
  readonly labels: Readonly<Record<string, string>> & { readonly id: string };
  readonly decision_id: string;
  readonly timestamp: string;
  readonly path: string;
  readonly bundles?: Readonly<Record<string, { readonly revision?: string }>>;
  readonly input?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
  readonly metrics?: Readonly<Record<string, unknown>>;
}

export const OpaLogCodes = {
  notAnArray: 'OPA_LOGS.NOT_AN_ARRAY',
  eventInvalid: 'OPA_LOGS.EVENT_INVALID',
} as const;

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v !== '';

/** What is wrong with one event: the names of missing or mistyped fields (empty when it is usable). */
export function problemsOf(event: unknown): string[] {
  if (!isObject(event)) return ['(the event is not an object)'];
  const problems: string[] = [];
  const labels = event['labels'];
  if (!isObject(labels) || !nonEmpty(labels['id'])) problems.push('labels.id');
  if (!nonEmpty(event['decision_id'])) problems.push('decision_id');
  const ts = event['timestamp'];
  if (typeof ts !== 'string' || Number.isNaN(Date.parse(ts))) problems.push('timestamp');
  if (!nonEmpty(event['path'])) problems.push('path');
  const bundles = event['bundles'];
  if (bundles !== undefined && (!isObject(bundles) || !Object.values(bundles).every((b) => isObject(b) && (b['revision'] === undefined || typeof b['revision'] === 'string')))) {
    problems.push('bundles');
  }
  if (event['metrics'] !== undefined && !isObject(event['metrics'])) problems.push('metrics');
  return problems;
}

/**
 * The body of `POST /opa/logs` as events, or 400: not an array (`OPA_LOGS.NOT_AN_ARRAY`), or the
 * first event that lacks a field Edict needs (`OPA_LOGS.EVENT_INVALID`, naming its index and fields).
 * All or nothing: one bad event refuses the batch, so nothing of it is published.
 */
export function parseOpaLogBatch(body: unknown): OpaLogEvent[] {
  if (!Array.isArray(body)) throw new ValidationError(OpaLogCodes.notAnArray, 'The body must be a JSON array of OPA decision-log events.');
  body.forEach((event: unknown, index) => {
    const problems = problemsOf(event);
    if (problems.length > 0) {
      throw new ValidationError(OpaLogCodes.eventInvalid, `Event ${index} is missing or has invalid: ${problems.join(', ')}.`, { index, fields: problems });
    }
  });
  return body as OpaLogEvent[];
}
