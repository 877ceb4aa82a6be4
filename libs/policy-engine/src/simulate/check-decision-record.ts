import { EFFECTS } from '../model/effect';
import type { Effect } from '../model/effect';
import { isRecord } from '../schema/document-views';
import type { DecisionRecord } from './decision-record.types';

const str = (v: unknown): v is string => typeof v === 'string';

/** Why a parsed line is not a decision record, or null when it is one. */
export function decisionRecordProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'a decision record must be a JSON object';
  for (const field of ['decisionId', 'timestamp', 'policyId'] as const) if (!str(value[field])) return `${field} must be a string`;
  if (!(str(value['version']) || value['version'] === null)) return 'version must be a string or null';
  if (value['subject'] !== undefined && !str(value['subject'])) return 'subject must be a string';
  const request = value['request'];
  if (!isRecord(request)) return 'request must be an object';
  for (const field of ['agent', 'action', 'resource'] as const) if (!str(request[field])) return `request.${field} must be a string`;
  if (request['context'] !== undefined && !isRecord(request['context'])) return 'request.context must be an object';
  const result = value['result'];
  if (!isRecord(result)) return 'result must be an object';
  if (!EFFECTS.includes(result['effect'] as Effect)) return `result.effect must be one of ${EFFECTS.join(', ')}`;
  if (!(str(result['rule']) || result['rule'] === null)) return 'result.rule must be a string or null';
  if (typeof result['noMatch'] !== 'boolean') return 'result.noMatch must be a boolean';
  return null;
}

/** Narrows a value that passed `decisionRecordProblem`. */
export const asDecisionRecord = (value: unknown): DecisionRecord => value as DecisionRecord;
