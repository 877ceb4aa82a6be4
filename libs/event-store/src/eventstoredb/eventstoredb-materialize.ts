import { NO_STREAM, WrongExpectedVersionError, type EventStoreDBClient } from '@eventstore/db-client';
import { ConflictError } from '@edict/core';
import { EVENT_STORE_ERROR_CODES } from '../errors/event-store-error-codes';
import type { StoredEvent } from '../port/event-store.port';
import { mapEsdbError } from './eventstoredb-errors';
import { readLastRecord, readRecords } from './eventstoredb-reads';
import { toEsdbEvent, type EsdbRecord } from './eventstoredb-record';

/**
 * Copies one append's events from the log into their own stream, at exactly the revisions the
 * log gave them (expected revision = the one before the first). Idempotent: if a helper or an
 * earlier attempt already copied them, ESDB either accepts the same ids again or reports a
 * conflict, and then the events found at those revisions must be ours.
 */
export async function materialize(client: EventStoreDBClient, batch: readonly StoredEvent[]): Promise<void> {
  const first = batch[0];
  if (!first) return;
  const expectedRevision = first.revision === 0 ? NO_STREAM : BigInt(first.revision - 1);
  try {
    await client.appendToStream(first.streamId, batch.map((e) => toEsdbEvent(e, first.position)), { expectedRevision });
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw mapEsdbError(error, `materialize ${first.streamId}`);
    const present = await readRecords(client, first.streamId, first.revision, batch.length);
    const ours = present.length === batch.length && present.every((r, i) => r.event.eventId === batch[i]?.eventId);
    if (!ours) {
      throw new ConflictError(
        EVENT_STORE_ERROR_CODES.chainMaterializationFailed,
        `stream ${first.streamId} was written outside the event store: the log's events cannot be copied into it`,
        { streamId: first.streamId, position: first.position, revision: first.revision },
      );
    }
  }
}

/**
 * Makes sure the append that ends at the log's head is in its stream. Every append does this
 * before it claims the log, so at most that last append can still be missing from its stream
 * (its writer died between the two writes), and the next writer or reader finishes it.
 */
export async function ensureMaterialized(client: EventStoreDBClient, logStream: string, head: EsdbRecord): Promise<void> {
  const inStream = await readLastRecord(client, head.event.streamId);
  if (inStream && inStream.event.revision >= head.event.revision) return;
  const count = head.event.position - head.batchStart + 1;
  const batch = await readRecords(client, logStream, head.batchStart - 1, count);
  await materialize(client, batch.map((r) => r.event));
}
