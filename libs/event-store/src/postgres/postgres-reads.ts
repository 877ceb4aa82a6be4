import type { Pool } from 'pg';
import type { ReadAllOptions, StoredEvent } from '../port/event-store.port';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-row.mapper';
import type { PostgresSchemaNames } from './postgres-schema';
import { query } from './postgres-transaction';

/** A stream's events from `fromRevision` on, in revision order ([] for an unknown stream). */
export async function readStreamRows(pool: Pool, names: PostgresSchemaNames, streamId: string, fromRevision = 0): Promise<StoredEvent[]> {
  const rows = await query<EventRow>(
    pool,
    'readStream',
    `SELECT ${EVENT_COLUMNS} FROM ${names.events} WHERE stream_id = $1 AND revision >= $2 ORDER BY revision`,
    [streamId, fromRevision],
  );
  return rows.map(toStoredEvent);
}

/**
 * The global log after a position, in position order, optionally only some categories (served by
 * the (category, position) index). `LIMIT NULL` is no limit.
 */
export async function readAllRows(pool: Pool, names: PostgresSchemaNames, options: ReadAllOptions): Promise<StoredEvent[]> {
  const filter = options.categories ? 'AND category = ANY($3::text[])' : '';
  const values: unknown[] = [options.after, options.limit ?? null];
  if (options.categories) values.push([...options.categories]);
  const rows = await query<EventRow>(
    pool,
    'readAll',
    `SELECT ${EVENT_COLUMNS} FROM ${names.events} WHERE position > $1 ${filter} ORDER BY position LIMIT $2`,
    values,
  );
  return rows.map(toStoredEvent);
}
