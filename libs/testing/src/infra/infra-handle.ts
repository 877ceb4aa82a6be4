/** The pieces of infrastructure the int and e2e tiers need. */
export type InfraComponent = 'kafka' | 'postgres' | 'opa' | 'eventstore';

/**
 * Where a component came from: URLs or paths given in the environment, a container started
 * through testcontainers, or a process started on this machine by the harness.
 */
export type InfraSource = 'env' | 'testcontainers' | 'local';

/** A running set of infrastructure; `stop()` ends only what the harness itself started. */
export interface InfraHandle {
  /** Bootstrap servers, `host:port`. */
  readonly kafkaBrokers: string[];
  /** `postgres://…/edict`, a database the tests may use (create their own with `createTestDatabase`). */
  readonly databaseUrl: string;
  /** Absolute path of a real `opa` binary. */
  readonly opaPath: string;
  /** `esdb://…`, set when EventStoreDB is available (from the environment or a container). */
  readonly eventStoreConnectionString?: string;
  /** Why EventStoreDB is not available; set exactly when `eventStoreConnectionString` is not. */
  readonly eventStoreUnavailableReason?: string;
  /** The source of every component that was asked for and is available. */
  readonly sources: Partial<Record<InfraComponent, InfraSource>>;
  /** Stops containers and processes, removes temp folders. Idempotent. */
  stop(): Promise<void>;
}

/** Options of `startInfra`. */
export interface StartInfraOptions {
  /** Components to provide; all four by default. */
  readonly components?: readonly InfraComponent[];
  /** Environment to read URLs from; `process.env` by default. */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the one-line-per-component report goes; stderr by default. */
  readonly log?: (line: string) => void;
  /**
   * Stop everything and exit on SIGINT/SIGTERM (default true). Scripts that must stop their own
   * processes first pass false and call `stop()` themselves; exit-time cleanup stays on.
   */
  readonly stopOnSignals?: boolean;
  /** How long Docker detection may take before it counts as "no engine"; 3000 ms by default. */
  readonly dockerProbeTimeoutMs?: number;
}

/** What one started component hands back to `startInfra`. */
export interface StartedComponent<T> {
  readonly value: T;
  readonly source: InfraSource;
  /** Human-readable detail for the report line (address, version, log folder). */
  readonly detail: string;
  stop(): Promise<void>;
}
