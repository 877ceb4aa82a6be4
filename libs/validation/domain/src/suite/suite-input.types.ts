import type { ValidationCheck, ValidationCoverage } from '@edict/contracts';
import type { DecisionRecord } from '@edict/policy-engine';
import type { ValidationSettings } from '../validation-settings';

/** A parent tier's version the candidate is judged against, and why it was chosen. */
export interface ParentVersion {
  readonly policyId: string;
  readonly version: string;
  readonly as: 'stable' | 'canary' | 'submitted';
  readonly document: unknown;
}

/** The version the candidate would replace and its recorded decisions, or why there are none. */
export type ReplacedVersion =
  | { readonly version: string; readonly decisions: readonly DecisionRecord[] }
  | { readonly skipped: string };

/** What the Rego checks (the real `opa`, run beside the suite) found, or why they did not run. */
export type RegoOutcome =
  | { readonly checks: readonly ValidationCheck[]; readonly coverage?: NonNullable<ValidationCoverage['rego']> }
  | { readonly skipped: string };

/** Everything the suite judges a version on; gathered by the service, pure from here on. */
export interface SuiteInput {
  /** the identity the version was submitted as */
  readonly expected: { readonly policyId: string; readonly version: string };
  readonly document: unknown;
  /** the text it was drafted from, when known: findings then carry line and column */
  readonly source?: string;
  /** parent tiers' versions (serving, and submitted but not yet serving); empty for org policies */
  readonly parents: readonly ParentVersion[];
  readonly replaced: ReplacedVersion;
  readonly rego: RegoOutcome;
  readonly settings: ValidationSettings;
}
