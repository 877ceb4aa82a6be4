import type { BundleProblem } from '../model/bundle-problem';
import { PolicyCodes } from '../model/problem-codes';
import { asDecisionRecord, decisionRecordProblem } from './check-decision-record';
import type { DecisionRecord } from './decision-record.types';

/** Longest accepted line of a decision-log export, in characters. */
export const MAX_DECISION_LINE_LENGTH = 1024 * 1024;

/**
 * Parses a decision-log export (NDJSON: one record per line, blank lines ignored). Lines that
 * are not valid records become problems with their line number; the rest are returned.
 */
export function parseDecisionLog(text: string, filename?: string): { records: DecisionRecord[]; problems: BundleProblem[] } {
  const records: DecisionRecord[] = [];
  const problems: BundleProblem[] = [];
  const at = (line: number, message: string): BundleProblem => ({ code: PolicyCodes.DECISION_RECORD_INVALID, severity: 'error', message, line, column: 1, ...(filename !== undefined && { filename }) });
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.length > MAX_DECISION_LINE_LENGTH) return void problems.push(at(i + 1, `line is ${line.length} characters; the limit is ${MAX_DECISION_LINE_LENGTH}`));
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      return void problems.push(at(i + 1, `not JSON: ${(e as Error).message}`));
    }
    const problem = decisionRecordProblem(value);
    if (problem) problems.push(at(i + 1, problem));
    else records.push(asDecisionRecord(value));
  });
  return { records, problems };
}
