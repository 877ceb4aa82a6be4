/** A lease held while this process is the one active holder of a named role (e.g. a relay). */
export interface LeaderLease {
  /** Gives the lease up; idempotent. `lost` does not resolve because of a release. */
  release(): Promise<void>;
  /** Resolves if the lease is lost without release (connection dropped, heartbeat failed). */
  readonly lost: Promise<void>;
}

/** Mutual exclusion across processes: at most one live lease per name. */
export interface LeaderLock {
  /** A lease, or null when another holder has it now. */
  tryAcquire(name: string): Promise<LeaderLease | null>;
}
