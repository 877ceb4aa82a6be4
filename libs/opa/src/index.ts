/**
 * @edict/opa — runs the real `opa` binary (check, test with coverage, fmt) for the validation
 * service and the CLI. The binary comes from `OPA_PATH` (the harness builds it with `go install`).
 * @packageDocumentation
 */
import type { ValidationCheck, ValidationCoverage } from '@edict/contracts';
import type { RegoSource } from './rego-source.types';
import { runRegoChecksIn } from './run-rego-checks';

export type { RegoSource } from './rego-source.types';
export { RegoCodes } from './rego-codes';

export interface RegoCheckOptions {
  /** absolute path of the `opa` binary */
  readonly opaPath: string;
  /** the minimum `opa test --coverage` percentage (0–100) the tier requires */
  readonly minCoverage: number;
  /** for all the opa runs together; 20 s by default (also for 0, negative or non-finite values). On expiry opa is killed: `REGO.OPA_TIMEOUT`. */
  readonly timeoutMs?: number;
  /**
   * The bundle's policy id. When given, every package must be at or below its OPA root
   * (`regoRootOf`, `REGO.PACKAGE_OUTSIDE_ROOT`) and `data` is placed at that root, as in the
   * OPA bundle; without it `data` is the whole data document and packages are not checked.
   */
  readonly policyId?: string;
}

export interface RegoCheckResult {
  /** `rego-check`, `rego-test` and `rego-fmt`, in that order */
  readonly checks: readonly ValidationCheck[];
  readonly coverage?: NonNullable<ValidationCoverage['rego']>;
}

/** Default of `RegoCheckOptions.timeoutMs`. */
export const DEFAULT_REGO_TIMEOUT_MS = 20_000;

/**
 * Runs `opa check --strict`, `opa test --coverage` and `opa fmt --list` over the modules in a
 * private temp dir (removed afterwards). Never rejects for opa's sake: a missing, crashing or
 * slow opa is a failed check with `REGO.OPA_UNAVAILABLE`, `REGO.OPA_FAILED` or `REGO.OPA_TIMEOUT`.
 */
export function runRegoChecks(rego: RegoSource, options: RegoCheckOptions): Promise<RegoCheckResult> {
  const given = options.timeoutMs;
  // a timer longer than 2^31 - 1 ms would fire at once; a non-number gets the default
  const timeoutMs = given !== undefined && Number.isFinite(given) && given > 0 ? Math.min(given, 2 ** 31 - 1) : DEFAULT_REGO_TIMEOUT_MS;
  return runRegoChecksIn(rego, { ...options, timeoutMs });
}

export { evalDocumentRules, packagesOf } from './eval-document-rules';
export type { DocumentRuleMessage, DocumentRulesResult } from './eval-document-rules';
