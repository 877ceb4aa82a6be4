import type { ValidationCheck, ValidationCheckName, ValidationProblem } from '@edict/contracts';
import type { BundleProblem, Locator } from '@edict/policy-engine';

/** A check that ran: `fail` when any finding is an error. */
export const ranCheck = (name: ValidationCheckName, findings: readonly ValidationProblem[], summary: string): ValidationCheck => ({
  name,
  status: findings.some((f) => f.severity === 'error') ? 'fail' : 'pass',
  findings,
  summary,
});

/** A check that could not run, with the reason (`skipped: no version to replace`). */
export const skippedCheck = (name: ValidationCheckName, reason: string): ValidationCheck => ({ name, status: 'skipped', findings: [], summary: `skipped: ${reason}` });

/** An engine problem as a finding of the report, located in the source text when there is one. */
export function toFinding(problem: BundleProblem, locate?: Locator): ValidationProblem {
  const at = problem.line !== undefined ? { line: problem.line, ...(problem.column !== undefined && { column: problem.column }) } : problem.path !== undefined ? locate?.(problem.path) : undefined;
  return {
    code: problem.code,
    message: problem.message,
    severity: problem.severity,
    ...(problem.path !== undefined && { path: problem.path }),
    ...(at && { line: at.line, column: at.column }),
  };
}

export const countOf = (findings: readonly ValidationProblem[], severity: ValidationProblem['severity']): number => findings.filter((f) => f.severity === severity).length;

/** `2 errors, 1 warning` (or `no findings`). */
export function findingsSummary(findings: readonly ValidationProblem[]): string {
  const parts = (['error', 'warning', 'info'] as const)
    .map((s) => [countOf(findings, s), s] as const)
    .filter(([n]) => n > 0)
    .map(([n, s]) => `${n} ${s === 'info' ? 'note' : s}${n === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}
