import type { DomainEvent } from '@edict/core';

/**
 * The log head signed by the signing service (docs/event-store.md "Anchoring"): the signature is a
 * detached compact JWS over RFC 8785 canonical JSON of `{ position, hash, at }`.
 */
export type AuditCheckpointSigned = DomainEvent<'AuditCheckpointSigned', {
  readonly position: number;
  readonly hash: string;
  readonly at: string;
  readonly kid: string;
  readonly alg: string;
  readonly signature: string;
}>;

/** The kinds of break the audit verifier tells apart. */
export type AuditBreakKind = 'edited' | 'inserted' | 'deleted' | 'reordered' | 'forged' | 'malformed';

/** The continuous verifier found the log does not verify: the first bad position and the kind. */
export type AuditChainBroken = DomainEvent<'AuditChainBroken', {
  readonly position: number;
  readonly kind: AuditBreakKind;
  readonly code: string;
  readonly reason: string;
  readonly detectedAt: string;
}>;

/** Events of the `audit-checkpoint` stream, written by signing. */
export type AuditEvent = AuditCheckpointSigned | AuditChainBroken;
