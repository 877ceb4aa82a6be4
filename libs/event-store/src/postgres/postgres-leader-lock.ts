import { Client } from 'pg';
import { invalidEventStoreInput } from '../errors/event-store.errors';
import type { LeaderLease, LeaderLock } from '../port/leader-lock.port';
import { mapPgError } from './postgres-errors';
import { PostgresLeaderLease, type LeaseTiming } from './postgres-leader-lease';
import { DEFAULT_SCHEMA, lockKeyText, schemaNames } from './postgres-schema';

export interface PostgresLeaderLockOptions {
  /** namespaces the lock names (default `edict`), like the store's schema */
  readonly schema?: string;
  /** how often a held lease renews itself with a heartbeat query (default 2000 ms) */
  readonly heartbeatMs?: number;
  /** a renewal, and every query on a lease connection, that takes longer loses the lease (default 3000 ms) */
  readonly renewalDeadlineMs?: number;
  /**
   * Postgres ends a lease session idle this long (`idle_session_timeout`, PostgreSQL 14+),
   * which frees the lock for a standby when the leader went silent (default 10000 ms). Must be
   * longer than heartbeatMs + renewalDeadlineMs, so that the old leader has stepped down first.
   */
  readonly serverIdleTimeoutMs?: number;
  /** longest a lease connection may take to open (default 5000 ms) */
  readonly connectTimeoutMs?: number;
}

/**
 * Leader election with session-level `pg_try_advisory_lock`, each lease on its own dedicated
 * connection (never a pooled one: a session lock would outlive its user on a reused connection).
 * Keys are 64-bit hashes of `schema:name`. Used so that only one relay per category is active.
 * Every query on a lease connection has a deadline (client `query_timeout`, server
 * `statement_timeout`), the socket has TCP keepalive, and the server ends the session once it
 * is idle past `serverIdleTimeoutMs`: a leader on a connection that stopped answering steps
 * down within heartbeatMs + renewalDeadlineMs, and a standby takes over within serverIdleTimeoutMs.
 */
export class PostgresLeaderLock implements LeaderLock {
  private readonly schema: string;
  private readonly held = new Set<PostgresLeaderLease>();
  private readonly timing: LeaseTiming;
  private readonly serverIdleTimeoutMs: number;
  private readonly connectTimeoutMs: number;

  constructor(
    private readonly connectionString: string,
    options: PostgresLeaderLockOptions = {},
  ) {
    this.schema = schemaNames(options.schema ?? DEFAULT_SCHEMA).schema;
    this.timing = { heartbeatMs: options.heartbeatMs ?? 2000, renewalDeadlineMs: options.renewalDeadlineMs ?? 3000 };
    this.serverIdleTimeoutMs = options.serverIdleTimeoutMs ?? 10_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    if (this.serverIdleTimeoutMs <= this.timing.heartbeatMs + this.timing.renewalDeadlineMs) {
      throw invalidEventStoreInput('serverIdleTimeoutMs must be longer than heartbeatMs + renewalDeadlineMs', { ...this.timing, serverIdleTimeoutMs: this.serverIdleTimeoutMs });
    }
  }

  async tryAcquire(name: string): Promise<LeaderLease | null> {
    if (typeof name !== 'string' || name.length === 0) throw invalidEventStoreInput('lock name must be a non-empty string');
    const key = lockKeyText('leader', this.schema, name);
    // The application_name lets operators see who leads in pg_stat_activity (truncated to 63 bytes).
    const { renewalDeadlineMs } = this.timing;
    const client = new Client({
      connectionString: this.connectionString,
      application_name: `edict-leader:${name}`,
      connectionTimeoutMillis: this.connectTimeoutMs,
      query_timeout: renewalDeadlineMs, // client side: no query on this connection waits longer
      statement_timeout: renewalDeadlineMs, // server side, the same
      keepAlive: true,
      keepAliveInitialDelayMillis: Math.max(1000, this.timing.heartbeatMs),
    });
    client.on('error', () => undefined); // until a lease owns it; connect/query failures are thrown below
    try {
      await client.connect();
      // idle_session_timeout first: should this session go silent, Postgres ends it and frees the lock
      const { rows } = await client.query<{ acquired: boolean }>(
        "SELECT set_config('idle_session_timeout', $2, false) IS NOT NULL AND pg_try_advisory_lock(hashtextextended($1, 0)) AS acquired",
        [key, String(this.serverIdleTimeoutMs)],
      );
      if (rows[0]?.acquired !== true) {
        await client.end();
        return null;
      }
    } catch (error) {
      client.connection.stream.destroy(); // the connection failed or hangs; the error below says why
      await client.end().catch(() => undefined);
      throw mapPgError(error, 'leader lock');
    }
    const lease: PostgresLeaderLease = new PostgresLeaderLease(client, key, this.timing, () => this.held.delete(lease));
    this.held.add(lease);
    return lease;
  }

  /** Releases every lease this instance still holds. */
  async close(): Promise<void> {
    await Promise.all([...this.held].map((lease) => lease.release()));
  }
}
