import type { Clock, IdGenerator } from '@edict/core';

/** How to reach and lay out the Postgres event store. */
export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** schema holding the store's tables (default `edict`); a schema per test gives isolation */
  readonly schema?: string;
  /** connections in the store's pool (default 10) */
  readonly poolSize?: number;
  /** ms to wait for a connection before the operation fails as unavailable (default 10000) */
  readonly connectionTimeoutMs?: number;
  /** longest a subscriber sleeps without a NOTIFY before it reads again (default 1000) */
  readonly pollIntervalMs?: number;
  /** events a subscriber reads per query (default 500) */
  readonly batchSize?: number;
  /** source of recordedAt; by default the database clock, read under the append lock */
  readonly clock?: Clock;
  /** ids of events appended without one (default: random UUID v4) */
  readonly ids?: IdGenerator;
}
