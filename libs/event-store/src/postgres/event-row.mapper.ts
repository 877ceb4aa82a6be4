import type { EventMetadata, StoredEvent } from '../port/event-store.port';

/** Columns every read selects, in the order of EventRow. */
export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at, previous_hash, hash';

/** An events row as node-postgres returns it (bigint as string, timestamptz as Date). */
export interface EventRow {
  readonly position: string;
  readonly stream_id: string;
  readonly revision: string;
  readonly event_id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
  readonly previous_hash: string;
  readonly hash: string;
}

/**
 * A row as the port's StoredEvent. Positions and revisions are bigint in SQL and numbers here:
 * exact up to 2^53, which no log of this system will reach. recordedAt is written with
 * millisecond precision, so the Date round trip gives back exactly the string that was hashed.
 */
export const toStoredEvent = (row: EventRow): StoredEvent => ({
  eventId: row.event_id,
  streamId: row.stream_id,
  revision: Number(row.revision),
  position: Number(row.position),
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at.toISOString(),
  previousHash: row.previous_hash,
  hash: row.hash,
});
