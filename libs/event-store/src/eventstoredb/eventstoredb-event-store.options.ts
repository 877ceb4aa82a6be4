import type { EventStoreDBClient } from '@eventstore/db-client';
import type { Clock, IdGenerator } from '@edict/core';

/** A server to connect to (the store owns and disposes the client), or a client the caller owns. */
export type EventStoreDbConnection =
  | { readonly connectionString: string; readonly client?: undefined }
  | { readonly client: EventStoreDBClient; readonly connectionString?: undefined };

/** How to reach EventStoreDB / KurrentDB and where the adapter keeps its global log. */
export type EventStoreDbEventStoreOptions = EventStoreDbConnection & {
  /**
   * The stream that is the hash-chained global log (default `edict-log`); a stream per test gives
   * isolation. Port position p is this stream's revision p - 1.
   */
  readonly logStream?: string;
  /** source of recordedAt (default: the system clock of the appending process) */
  readonly clock?: Clock;
  /** ids of events appended without one (default: random UUID v4) */
  readonly ids?: IdGenerator;
  /** how often an append retries after losing the race for the log head (default 100) */
  readonly maxAppendAttempts?: number;
  /** events per read request when reading the log (default 500) */
  readonly readPageSize?: number;
};

export const DEFAULT_LOG_STREAM = 'edict-log';
