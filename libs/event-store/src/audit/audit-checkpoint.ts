import { canonicalJson } from '@edict/core';
import type { StoredEvent } from '../port/event-store.port';

/** The stream the signing service appends its checkpoints to (category `audit`). */
export const AUDIT_CHECKPOINT_STREAM = 'audit-checkpoint';
export const AUDIT_CHECKPOINT_SIGNED = 'AuditCheckpointSigned';

/** What a checkpoint anchors: the log head at a moment. The signature covers exactly this. */
export interface CheckpointHead {
  readonly position: number;
  readonly hash: string;
  /** ISO-8601 time of signing */
  readonly at: string;
}

/** A head signed by the signing service (the data of an AuditCheckpointSigned event). */
export interface SignedCheckpoint extends CheckpointHead {
  readonly kid: string;
  readonly alg: string;
  /** compact JWS with detached payload: `checkpointPayload(head)` */
  readonly signature: string;
}

/** The signed bytes: RFC 8785 canonical JSON of `{ position, hash, at }`. */
export const checkpointPayload = (head: CheckpointHead): string => canonicalJson({ position: head.position, hash: head.hash, at: head.at });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The signed checkpoint an event carries, or undefined when it is not one (or not well-formed). */
export function checkpointOf(event: StoredEvent): SignedCheckpoint | undefined {
  if (event.type !== AUDIT_CHECKPOINT_SIGNED || !isRecord(event.data)) return undefined;
  const { position, hash, at, kid, alg, signature } = event.data;
  if (typeof position !== 'number' || typeof hash !== 'string' || typeof at !== 'string') return undefined;
  if (typeof kid !== 'string' || typeof alg !== 'string' || typeof signature !== 'string') return undefined;
  return { position, hash, at, kid, alg, signature };
}
