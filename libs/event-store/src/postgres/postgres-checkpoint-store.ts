import type { Pool } from 'pg';
import { invalidEventStoreInput } from '../errors/event-store.errors';
import type { CheckpointStore } from '../port/checkpoint-store.port';
import { migrateEventStore } from './postgres-migrator';
import { DEFAULT_SCHEMA, schemaNames, type PostgresSchemaNames } from './postgres-schema';
import { query } from './postgres-transaction';

/**
 * Checkpoints in the event store's schema (`checkpoints` table), on a pool the caller owns and
 * closes. The schema is migrated on first use, so it works before or without an event store.
 */
export class PostgresCheckpointStore implements CheckpointStore {
  private readonly names: PostgresSchemaNames;
  private migrated: Promise<unknown> | undefined;

  constructor(
    private readonly pool: Pool,
    schema: string = DEFAULT_SCHEMA,
  ) {
    this.names = schemaNames(schema);
  }

  async load(name: string): Promise<number> {
    assertName(name);
    await this.ready();
    const rows = await query<{ position: string }>(this.pool, 'checkpoint load', `SELECT position FROM ${this.names.checkpoints} WHERE name = $1`, [name]);
    return rows[0] ? Number(rows[0].position) : 0;
  }

  async save(name: string, position: number): Promise<void> {
    assertName(name);
    if (!Number.isSafeInteger(position) || position < 0) throw invalidEventStoreInput('position must be an integer >= 0', { position });
    await this.ready();
    await query(
      this.pool,
      'checkpoint save',
      `INSERT INTO ${this.names.checkpoints} (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
      [name, position],
    );
  }

  private ready(): Promise<unknown> {
    this.migrated ??= migrateEventStore(this.pool, this.names).catch((error: unknown) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }
}

function assertName(name: unknown): void {
  if (typeof name !== 'string' || name.length === 0) throw invalidEventStoreInput('checkpoint name must be a non-empty string');
}
