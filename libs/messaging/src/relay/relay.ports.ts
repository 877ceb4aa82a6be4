/** Where a relay or consumer remembers the last global position it handled. */
export interface CheckpointStore {
  load(name: string): Promise<number>;
  save(name: string, position: number): Promise<void>;
}

/** A lease held while this process is the one active relay for its categories. */
export interface LeaderLease {
  release(): Promise<void>;
  /** resolves if the lease is lost (e.g. the database connection dropped) */
  readonly lost: Promise<void>;
}

export interface LeaderLock {
  tryAcquire(name: string): Promise<LeaderLease | null>;
}

/** The logging surface the messaging layer needs (pino's). */
export interface MessagingLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
