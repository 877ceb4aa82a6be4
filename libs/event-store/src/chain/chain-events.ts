import type { StoredEvent } from '../port/event-store.port';
import type { PendingEvent } from '../validation/pending-event';
import { computeEventHash } from './hash-chain';

/** The last event of the global log as the chain needs it: position 0 and GENESIS_HASH when empty. */
export interface ChainHead {
  readonly position: number;
  readonly hash: string;
}

export interface ChainEventsInput {
  readonly head: ChainHead;
  readonly streamId: string;
  /** revision of the first event in its stream */
  readonly firstRevision: number;
  readonly recordedAt: string;
  readonly events: readonly PendingEvent[];
}

/**
 * Gives one append's events their revisions, positions and hashes, continuing the chain from
 * `head`. Pure: adapters call it once they hold the log's serialisation point.
 */
export function chainEvents({ head, streamId, firstRevision, recordedAt, events }: ChainEventsInput): StoredEvent[] {
  const stored: StoredEvent[] = [];
  let previousHash = head.hash;
  events.forEach((event, i) => {
    const fields = { ...event, streamId, revision: firstRevision + i, position: head.position + 1 + i, recordedAt };
    const hash = computeEventHash(previousHash, fields);
    stored.push({ ...fields, previousHash, hash });
    previousHash = hash;
  });
  return stored;
}
