/**
 * @edict/opa — runs the real `opa` binary (check, test with coverage, fmt) for the validation
 * service and the CLI. The binary comes from `OPA_PATH` (the harness builds it with `go install`).
 * @packageDocumentation
 */
import type { ValidationCheck, ValidationCoverage } from '@edict/contracts';

/** `spec.rego` of a bundle: modules by file name (`policy.rego`, `policy_test.rego`) and data documents. */
export interface RegoSource {
  readonly modules?: Readonly<Record<string, string>>;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface RegoCheckOptions {
  /** absolute path of the `opa` binary */
  readonly opaPath: string;
  /** the minimum `opa test --coverage` percentage (0–100) the tier requires */
  readonly minCoverage: number;
  readonly timeoutMs?: number;
}

export interface RegoCheckResult {
  /** `rego-check`, `rego-test` and `rego-fmt`, in that order */
  readonly checks: readonly ValidationCheck[];
  readonly coverage?: NonNullable<ValidationCoverage['rego']>;
}

/**
 * Runs `opa check --strict`, `opa test --coverage` and `opa fmt --diff` over the modules.
 * PLACEHOLDER until the implementation lands: reports the three checks as skipped.
 */
export function runRegoChecks(_rego: RegoSource, _options: RegoCheckOptions): Promise<RegoCheckResult> {
  const skipped = (name: 'rego-check' | 'rego-test' | 'rego-fmt'): ValidationCheck => ({ name, status: 'skipped', findings: [], summary: 'skipped: not implemented yet' });
  return Promise.resolve({ checks: [skipped('rego-check'), skipped('rego-test'), skipped('rego-fmt')] });
}
