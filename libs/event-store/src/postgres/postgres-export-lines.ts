import type { Pool } from 'pg';
import type { ExportLinePage } from '../audit/export-line-source';
import type { ReadAllOptions } from '../port/event-store.port';
import { mapPgError } from './postgres-errors';
import type { PostgresSchemaNames } from './postgres-schema';

// Every column as its text form (position too): the jsonb columns are parsed here, once, and nothing else is.
const asText = { getTypeParser: () => (value: string): string => value };

/**
 * Postgres prints the parts of a line around data and metadata: to_json(text) escapes as
 * JSON.stringify does (", \, \b \f \n \r \t, other controls as \u00xx) in a UTF-8 database;
 * a uuid's text and the hashes (64 lower-case hex, a CHECK constraint) need no escaping; int8
 * prints as Number() does below 2^53; to_char gives Date#toISOString's form (milliseconds
 * truncated, as node-postgres' date parsing does). Key order is toStoredEvent's. Plain `||`:
 * cheaper for the database than to_json on every column or concat().
 */
const LINE_COLUMNS = `position,
  '{"eventId":"' || event_id || '","streamId":' || to_json(stream_id)::text || ',"revision":' || revision
    || ',"position":' || position || ',"type":' || to_json(type)::text || ',"data":',
  data, metadata,
  ',"recordedAt":"' || to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","previousHash":"'
    || previous_hash || '","hash":"' || hash || '"}'`;

type LineRow = [position: string, head: string, data: string, metadata: string, tail: string];

/**
 * The global log after a position as export lines. data and metadata go through JSON.parse and
 * JSON.stringify exactly as readAll's objects do (jsonb's own text has spaces and its own key
 * order), so every line is the bytes `JSON.stringify(toStoredEvent(row))` gives (int spec).
 */
export async function readExportLineRows(pool: Pool, names: PostgresSchemaNames, options: ReadAllOptions & { readonly limit: number }): Promise<ExportLinePage> {
  const filter = options.categories ? 'AND category = ANY($3::text[])' : '';
  const values: unknown[] = [options.after, options.limit];
  if (options.categories) values.push([...options.categories]);
  const text = `SELECT ${LINE_COLUMNS} FROM ${names.events} WHERE position > $1 ${filter} ORDER BY position LIMIT $2`;
  let rows: LineRow[];
  try {
    rows = (await pool.query<LineRow>({ text, values, rowMode: 'array', types: asText })).rows;
  } catch (error) {
    throw mapPgError(error, 'readAllExportLines');
  }
  let out = '';
  for (const [, head, data, metadata, tail] of rows) {
    out += `${head}${JSON.stringify(JSON.parse(data))},"metadata":${JSON.stringify(JSON.parse(metadata))}${tail}\n`;
  }
  const last = rows[rows.length - 1];
  return { text: out, count: rows.length, lastPosition: last ? Number(last[0]) : undefined };
}
