import { EdictError, foldEvents, isEdictError } from '@edict/core';
import type { RolloutEvent } from '@edict/contracts';
import { rolloutDecider, type RolloutCommand } from '@edict/distribution-domain';
import type { EventMetadata, EventStore, StoredEvent } from '@edict/event-store';

/** 412: the rollout is no longer at the revision the operator last saw (`If-Match`). */
export class RevisionMismatchError extends EdictError {
  constructor(expected: number, actual: number) {
    super('ROLLOUT.REVISION_MISMATCH', `the rollout moved since you looked: it is at revision ${actual}, not ${expected}; check its status again`, 412, false, { expected, actual });
  }
}

/**
 * A rollout command under `If-Match`: decided only on the stream at exactly `expected`, and
 * appended with that revision, so a concurrent command makes it fail (412) instead of re-deciding.
 */
export async function decideAtRevision(store: EventStore, streamId: string, command: RolloutCommand, expected: number, metadata: EventMetadata): Promise<StoredEvent[]> {
  const history = await store.readStream(streamId);
  const actual = history.length - 1;
  if (actual !== expected) throw new RevisionMismatchError(expected, actual);
  const state = foldEvents(rolloutDecider, history.map((e) => ({ type: e.type, data: e.data }) as RolloutEvent));
  const events = rolloutDecider.decide(command, state);
  if (events.length === 0) return [];
  try {
    const result = await store.append(streamId, events.map((e) => ({ type: e.type, data: e.data, metadata })), expected < 0 ? 'no_stream' : expected);
    return [...result.events];
  } catch (error) {
    if (isEdictError(error) && error.code === 'EVENT_STORE.WRONG_EXPECTED_REVISION') throw new RevisionMismatchError(expected, actual + 1);
    throw error;
  }
}
