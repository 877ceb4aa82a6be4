import type { Pool, PoolClient } from 'pg';
import { eventStoreMigrations } from './migrations/event-store.migrations';
import type { Migration } from './migrations/migration';
import { lockKeyText, type PostgresSchemaNames } from './postgres-schema';
import { inTransaction } from './postgres-transaction';

/**
 * Applies the pending migrations of a schema, idempotently, and safely when several processes
 * start at once: everything runs in one transaction that first takes a transaction-level advisory
 * lock keyed by the schema. A second process waits on the lock, then sees the first one's
 * committed versions and applies nothing. Even `CREATE SCHEMA IF NOT EXISTS` is inside the lock,
 * because two concurrent IF NOT EXISTS can still collide on the catalog's unique index.
 * Returns the versions it applied.
 */
export function migrateEventStore(
  pool: Pool,
  names: PostgresSchemaNames,
  migrations: readonly Migration[] = eventStoreMigrations,
): Promise<number[]> {
  return inTransaction(pool, 'migrate', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKeyText('migrate', names.schema)]);
    // A least-privilege role (edict_writer) may not run DDL at all, not even IF NOT EXISTS: when
    // every migration is applied already, start without issuing any.
    if ((await pendingOf(client, names, migrations)).length === 0) return [];
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${names.quotedSchema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${names.migrations} (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${names.migrations}`);
    const applied = new Set(rows.map((r) => r.version));
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      await client.query(migration.up(names));
      await client.query(`INSERT INTO ${names.migrations} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    return pending.map((m) => m.version);
  });
}

async function pendingOf(client: PoolClient, names: PostgresSchemaNames, migrations: readonly Migration[]): Promise<readonly Migration[]> {
  const { rows: exists } = await client.query<{ table: string | null }>('SELECT to_regclass($1)::text AS table', [names.migrations]);
  if (!exists[0]?.table) return migrations;
  const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${names.migrations}`);
  const applied = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !applied.has(m.version));
}
