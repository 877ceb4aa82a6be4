import type { DomainEvent } from '@edict/core';
import type { BundleContent } from './bundle-events';

/** A problem validation found, located in the document where possible. */
export interface ValidationProblem {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  /** 1-based line and column in the submitted text (or in the Rego module named by `file`) */
  readonly line?: number;
  readonly column?: number;
  /** the Rego module or data file a finding is in, when it is not in the bundle document */
  readonly file?: string;
  readonly severity: 'error' | 'warning' | 'info';
}

/**
 * Names of the checks the validation service runs, in the order it runs them. `rego-*` run only
 * when the bundle carries `spec.rego`; `impact` only when there is a version it would replace.
 */
export const VALIDATION_CHECK_NAMES = [
  'identity',
  'schema',
  'cel-compile',
  'lint',
  'bundle-tests',
  'tighten-only',
  'rego-check',
  'rego-test',
  'rego-fmt',
  'impact',
] as const;

export type ValidationCheckName = (typeof VALIDATION_CHECK_NAMES)[number];

/** One check of a verdict: `fail` when it found an error, `skipped` with the reason why it did not run. */
export interface ValidationCheck {
  readonly name: ValidationCheckName;
  readonly status: 'pass' | 'fail' | 'skipped';
  readonly findings: readonly ValidationProblem[];
  /** one line for people: "12 tests passed, 2 rules not reached", "skipped: no parent serves" */
  readonly summary: string;
}

/** Rule coverage of the bundle tests (CEL rules), and of `opa test --coverage` (Rego). */
export interface ValidationCoverage {
  readonly rules?: { readonly total: number; readonly reached: number; readonly unreached: readonly string[]; readonly required: boolean };
  readonly rego?: { readonly percentage: number; readonly minimum: number; readonly uncovered: Readonly<Record<string, readonly number[]>> };
}

/** The impact simulation: the candidate replayed over the last decisions of the version it replaces. */
export interface ValidationImpact {
  readonly baselineVersion: string;
  readonly decisions: number;
  readonly changed: number;
  /** old effect → new effect, with counts */
  readonly groups: readonly { readonly from: string; readonly to: string; readonly count: number }[];
}

/** Everything a verdict says: each check by name, the coverage, the impact, and what it was judged against. */
export interface ValidationReport {
  readonly checks: readonly ValidationCheck[];
  readonly coverage?: ValidationCoverage;
  readonly impact?: ValidationImpact;
  /** the parent versions tighten-only compared against, e.g. `{ policyId: 'org/baseline', version: '1.0.0', as: 'stable' }` */
  readonly parents?: readonly { readonly policyId: string; readonly version: string; readonly as: 'stable' | 'canary' | 'submitted' }[];
}

export type BundleValidated = DomainEvent<'BundleValidated', BundleContent & {
  readonly checks: readonly string[];
  readonly warnings: readonly ValidationProblem[];
  /** absent on verdicts recorded before the full suite ran in the service */
  readonly report?: ValidationReport;
  readonly validatedAt: string;
}>;

export type BundleValidationFailed = DomainEvent<'BundleValidationFailed', BundleContent & {
  readonly checks: readonly string[];
  readonly problems: readonly ValidationProblem[];
  readonly report?: ValidationReport;
  readonly validatedAt: string;
}>;

/** Events of a `validation-<policyId>@<version>` stream, written by validation. */
export type ValidationEvent = BundleValidated | BundleValidationFailed;
