import type { ValidationProblem } from '@edict/contracts';
import { isObject, locationOf, objectAt, objectsIn, stringAt } from './opa-json';
import { RegoCodes } from './rego-codes';
import { error } from './rego-check-result';

export interface RegoTestResults {
  readonly total: number;
  readonly passed: number;
  readonly skipped: number;
  readonly findings: readonly ValidationProblem[];
}

/** Reads `opa test --format json` (an array of results): a finding for each failing or erroring test. */
export function parseTestResults(report: unknown): RegoTestResults | undefined {
  if (!Array.isArray(report)) return undefined;
  const results = objectsIn(report);
  const findings: ValidationProblem[] = [];
  let passed = 0;
  let skipped = 0;
  for (const r of results) {
    const name = `${stringAt(r, 'package') ?? 'data'}.${stringAt(r, 'name') ?? '?'}`;
    const failure = objectAt(r, 'error');
    if (r['skip'] === true) skipped += 1;
    else if (isObject(failure)) {
      const code = stringAt(failure, 'code');
      const detail = `${code ? `${code}: ` : ''}${stringAt(failure, 'message') ?? 'error'}`;
      findings.push(error(RegoCodes.TEST_ERROR, `test ${name} ended in an error: ${detail}`, locationOf(r)));
    } else if (r['fail'] === true) findings.push(error(RegoCodes.TEST_FAILED, `test ${name} failed`, locationOf(r)));
    else passed += 1;
  }
  return { total: results.length, passed, skipped, findings };
}

/** `opa test` errors printed as text (`p.rego:3: rego_compile_error: conflicting rule …`). */
export function parseTextErrors(text: string): ValidationProblem[] {
  const line = /([A-Za-z0-9_./-]+\.rego):(\d+): ([a-z_]+): ([^\n]*)/g;
  return [...text.matchAll(line)].map((m) =>
    error(RegoCodes.TEST_COMPILE_FAILED, `${m[3] ?? ''}: ${m[4] ?? ''}`, { file: (m[1] ?? '').replace(/^(\.\/)+/, ''), line: Number(m[2]) }),
  );
}
