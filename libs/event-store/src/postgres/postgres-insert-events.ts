import type { PoolClient } from 'pg';
import { canonicalEvent, computeEventHash } from '../chain/hash-chain';
import { duplicateEventId, invalidEventStoreInput } from '../errors/event-store.errors';
import type { StoredEvent } from '../port/event-store.port';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-row.mapper';
import { uniqueViolationOf } from './postgres-errors';
import type { PostgresSchemaNames } from './postgres-schema';

/**
 * Inserts one append's chained events in a single statement (rows in position order, as the
 * append guard trigger requires) and returns them as stored, read back through RETURNING. The
 * hash is not sent: the row carries the event's canonical text and the database computes the
 * hash (migration 006); the returned hash must equal the one computed here.
 */
export async function insertEvents(client: PoolClient, names: PostgresSchemaNames, events: readonly StoredEvent[]): Promise<StoredEvent[]> {
  const first = events[0];
  if (!first) return [];
  const column = <T>(pick: (e: StoredEvent) => T): T[] => events.map(pick);
  try {
    const { rows } = await client.query<EventRow>(
      `INSERT INTO ${names.events}
         (position, stream_id, revision, event_id, type, data, metadata, recorded_at, previous_hash, hash, canonical)
       SELECT x.position, $1, x.revision, x.event_id::uuid, x.type, x.data::jsonb, x.metadata::jsonb, $2::timestamptz,
              x.previous_hash, NULL, x.canonical
         FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
           AS x(position, revision, event_id, type, data, metadata, previous_hash, canonical)
        ORDER BY x.position
       RETURNING ${EVENT_COLUMNS}`,
      [
        first.streamId,
        first.recordedAt,
        column((e) => e.position),
        column((e) => e.revision),
        column((e) => e.eventId),
        column((e) => e.type),
        column((e) => JSON.stringify(e.data)),
        column((e) => JSON.stringify(e.metadata)),
        column((e) => e.previousHash),
        column((e) => canonicalEvent(e)),
      ],
    );
    const stored = rows.map(toStoredEvent).sort((a, b) => a.position - b.position);
    assertHashesSurviveStorage(stored);
    return stored;
  } catch (error) {
    if (uniqueViolationOf(error) === 'events_event_id_key') throw duplicateEventId(first.streamId, error);
    throw error;
  }
}

/**
 * jsonb does not keep key order, and prints numbers its own way. The hash was computed over the
 * JSON-normalised values; this re-hashes what Postgres hands back (with the hash Postgres
 * computed), so that a value that does not survive storage unchanged, or a database that hashes
 * differently, fails the append (and rolls it back) instead of breaking verifyChain later.
 */
function assertHashesSurviveStorage(stored: readonly StoredEvent[]): void {
  for (const event of stored) {
    if (computeEventHash(event.previousHash, event) !== event.hash) {
      throw invalidEventStoreInput('event data or metadata does not survive storage unchanged', {
        eventId: event.eventId,
        position: event.position,
      });
    }
  }
}
