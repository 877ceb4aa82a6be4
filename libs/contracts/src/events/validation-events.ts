import type { DomainEvent } from '@edict/core';
import type { BundleContent } from './bundle-events';

/** A problem validation found, located in the document where possible. */
export interface ValidationProblem {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  readonly severity: 'error' | 'warning' | 'info';
}

export type BundleValidated = DomainEvent<'BundleValidated', BundleContent & {
  readonly checks: readonly string[];
  readonly warnings: readonly ValidationProblem[];
  readonly validatedAt: string;
}>;

export type BundleValidationFailed = DomainEvent<'BundleValidationFailed', BundleContent & {
  readonly checks: readonly string[];
  readonly problems: readonly ValidationProblem[];
  readonly validatedAt: string;
}>;

/** Events of a `validation-<policyId>@<version>` stream, written by validation. */
export type ValidationEvent = BundleValidated | BundleValidationFailed;
