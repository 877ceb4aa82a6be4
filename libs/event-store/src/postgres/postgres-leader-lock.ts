import { Client } from 'pg';
import { invalidEventStoreInput } from '../errors/event-store.errors';
import type { LeaderLease, LeaderLock } from '../port/leader-lock.port';
import { mapPgError } from './postgres-errors';
import { PostgresLeaderLease } from './postgres-leader-lease';
import { DEFAULT_SCHEMA, lockKeyText, schemaNames } from './postgres-schema';

export interface PostgresLeaderLockOptions {
  /** namespaces the lock names (default `edict`), like the store's schema */
  readonly schema?: string;
  /** how often a held lease checks its connection (default 5000 ms) */
  readonly heartbeatMs?: number;
}

/**
 * Leader election with session-level `pg_try_advisory_lock`, each lease on its own dedicated
 * connection (never a pooled one: a session lock would outlive its user on a reused connection).
 * Keys are 64-bit hashes of `schema:name`. Used so that only one relay per category is active.
 */
export class PostgresLeaderLock implements LeaderLock {
  private readonly schema: string;
  private readonly held = new Set<PostgresLeaderLease>();

  constructor(
    private readonly connectionString: string,
    private readonly options: PostgresLeaderLockOptions = {},
  ) {
    this.schema = schemaNames(options.schema ?? DEFAULT_SCHEMA).schema;
  }

  async tryAcquire(name: string): Promise<LeaderLease | null> {
    if (typeof name !== 'string' || name.length === 0) throw invalidEventStoreInput('lock name must be a non-empty string');
    const key = lockKeyText('leader', this.schema, name);
    // The application_name lets operators see who leads in pg_stat_activity (truncated to 63 bytes).
    const client = new Client({ connectionString: this.connectionString, keepAlive: true, application_name: `edict-leader:${name}` });
    client.on('error', () => undefined); // until a lease owns it; connect/query failures are thrown below
    try {
      await client.connect();
      const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS acquired', [key]);
      if (rows[0]?.acquired !== true) {
        await client.end();
        return null;
      }
    } catch (error) {
      await client.end().catch(() => undefined); // the connection failed; the error below says why
      throw mapPgError(error, 'leader lock');
    }
    const lease: PostgresLeaderLease = new PostgresLeaderLease(client, key, this.options.heartbeatMs ?? 5000, () => this.held.delete(lease));
    this.held.add(lease);
    return lease;
  }

  /** Releases every lease this instance still holds. */
  async close(): Promise<void> {
    await Promise.all([...this.held].map((lease) => lease.release()));
  }
}
