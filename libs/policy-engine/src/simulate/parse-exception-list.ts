import type { BundleProblem } from '../model/bundle-problem';
import { PolicyCodes } from '../model/problem-codes';
import { isRecord } from '../schema/document-views';
import type { SimulatedException } from './simulated-exception';

const REQUIRED = ['exceptionId', 'policyId', 'ruleId', 'resource'] as const;
const OPTIONAL = ['agent', 'subject', 'expiresAt', 'revokedAt'] as const;

function exceptionProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'an exception must be a JSON object';
  for (const field of REQUIRED) if (typeof value[field] !== 'string' || value[field] === '') return `${field} must be a non-empty string`;
  for (const field of OPTIONAL) if (value[field] !== undefined && typeof value[field] !== 'string') return `${field} must be a string`;
  for (const field of ['expiresAt', 'revokedAt'] as const) if (typeof value[field] === 'string' && Number.isNaN(Date.parse(value[field]))) return `${field} must be an ISO time`;
  return null;
}

const pick = (value: Record<string, unknown>): SimulatedException => {
  const optional: Record<string, string> = {};
  for (const field of OPTIONAL) if (typeof value[field] === 'string') optional[field] = value[field];
  return { exceptionId: String(value['exceptionId']), policyId: String(value['policyId']), ruleId: String(value['ruleId']), resource: String(value['resource']), ...optional };
};

/**
 * Parses an exception list for `edict simulate --exceptions`: `GET /v1/exceptions`'s answer
 * (`{ items: [...] }`), a JSON array, or NDJSON (one exception per line). Invalid items become
 * problems (with their line for NDJSON, their index for JSON); the rest are returned.
 */
export function parseExceptionList(text: string, filename?: string): { exceptions: SimulatedException[]; problems: BundleProblem[] } {
  const exceptions: SimulatedException[] = [];
  const problems: BundleProblem[] = [];
  const fail = (message: string, line?: number): number => problems.push({ code: PolicyCodes.EXCEPTION_RECORD_INVALID, severity: 'error', message, ...(line !== undefined && { line, column: 1 }), ...(filename !== undefined && { filename }) });
  const take = (value: unknown, where: string, line?: number): void => {
    const problem = exceptionProblem(value);
    if (problem) fail(`${where}${problem}`, line);
    else exceptions.push(pick(value as Record<string, unknown>));
  };
  const trimmed = text.trim();
  let whole: unknown;
  try {
    whole = trimmed === '' ? [] : JSON.parse(trimmed);
  } catch {
    whole = undefined;
  }
  const items = Array.isArray(whole) ? whole : isRecord(whole) && Array.isArray(whole['items']) ? (whole['items'] as unknown[]) : undefined;
  if (items) items.forEach((item, i) => take(item, `item ${i}: `));
  else if (isRecord(whole)) take(whole, '', 1);
  else {
    text.split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      try {
        take(JSON.parse(line), '', i + 1);
      } catch (e) {
        fail(`not JSON: ${(e as Error).message}`, i + 1);
      }
    });
  }
  return { exceptions, problems };
}
