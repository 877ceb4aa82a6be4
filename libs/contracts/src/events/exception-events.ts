import type { DomainEvent } from '@edict/core';

/**
 * A tracked waiver of one rule of one policy for the resources a glob names (runbook "Policy
 * Exception Process"), in its own `exception-<id>` stream written by authoring. It applies only
 * once approved and only until `expiresAt`; ExceptionExpired records that the expiry came.
 */
export type ExceptionRequested = DomainEvent<'ExceptionRequested', {
  /** `EXC-001` */
  readonly exceptionId: string;
  readonly policyId: string;
  /** the rule of `policyId` that does not match for the excepted requests */
  readonly ruleId: string;
  /** a glob over `request.resource`, as rules' `match.resource` */
  readonly resource: string;
  /** only decisions for this subject (absent: every subject) */
  readonly subject?: string;
  /** only requests from this agent, a glob as `match.agent` (absent: every agent) */
  readonly agent?: string;
  readonly justification: string;
  readonly ticket: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  /** ISO time after which the exception never applies; at most the tier's maximum after requestedAt */
  readonly expiresAt: string;
}>;

export type ExceptionApproved = DomainEvent<'ExceptionApproved', {
  readonly exceptionId: string;
  readonly policyId: string;
  readonly approvedBy: string;
  /** the approver's role that the tier accepts */
  readonly role: string;
  readonly approvedAt: string;
  readonly expiresAt: string;
}>;

export type ExceptionRevoked = DomainEvent<'ExceptionRevoked', {
  readonly exceptionId: string;
  readonly policyId: string;
  readonly revokedBy: string;
  readonly reason: string;
  readonly revokedAt: string;
}>;

/** Appended by authoring's expiry job once `expiresAt` has passed (PDPs stop applying it at expiresAt regardless). */
export type ExceptionExpired = DomainEvent<'ExceptionExpired', {
  readonly exceptionId: string;
  readonly policyId: string;
  readonly expiresAt: string;
  readonly expiredAt: string;
}>;

export type ExceptionEvent = ExceptionRequested | ExceptionApproved | ExceptionRevoked | ExceptionExpired;
