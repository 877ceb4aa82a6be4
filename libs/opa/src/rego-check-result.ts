import type { ValidationCheck, ValidationCheckName, ValidationProblem } from '@edict/contracts';

export type RegoCheckName = Extract<ValidationCheckName, 'rego-check' | 'rego-test' | 'rego-fmt'>;

/** A check that fails when any finding is an error. */
export function judged(name: RegoCheckName, findings: readonly ValidationProblem[], summary: string): ValidationCheck {
  return { name, status: findings.some((f) => f.severity === 'error') ? 'fail' : 'pass', findings, summary };
}

export function skipped(name: RegoCheckName, reason: string): ValidationCheck {
  return { name, status: 'skipped', findings: [], summary: `skipped: ${reason}` };
}

export const error = (code: string, message: string, where: Pick<ValidationProblem, 'file' | 'line' | 'column'> = {}): ValidationProblem => ({ code, message, severity: 'error', ...where });
