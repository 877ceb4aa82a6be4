import type { Client } from 'pg';
import type { LeaderLease } from '../port/leader-lock.port';

/** How a held lease renews itself: a heartbeat every `heartbeatMs` that must answer within `renewalDeadlineMs`. */
export interface LeaseTiming {
  readonly heartbeatMs: number;
  readonly renewalDeadlineMs: number;
}

/**
 * A held session-level advisory lock: it lives exactly as long as its dedicated connection.
 * `lost` resolves when that connection errors or ends, or when a renewal (a heartbeat query)
 * fails or does not complete within its deadline: a half-open connection (packets silently
 * dropped, a peer that stopped answering) never errors, and without the deadline a leader would
 * keep leading on it for hours. On loss the socket is destroyed at once; Postgres frees the lock
 * when the session dies, or at the latest after `idle_session_timeout` (see PostgresLeaderLock).
 */
export class PostgresLeaderLease implements LeaderLease {
  readonly lost: Promise<void>;
  /** why the lease was lost, once it was */
  lostReason: string | undefined;
  private markLost: () => void = () => undefined;
  private released = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: Client,
    private readonly key: string,
    private readonly timing: LeaseTiming,
    private readonly onDone: () => void,
  ) {
    this.lost = new Promise((resolve) => (this.markLost = resolve));
    client.on('error', (error) => this.drop(`connection error: ${error.message}`));
    client.on('end', () => this.drop('connection ended'));
    this.scheduleRenewal();
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    clearTimeout(this.timer);
    this.onDone();
    try {
      // bounded by the connection's query_timeout (PostgresLeaderLock sets it to the renewal deadline)
      await this.client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.key]);
    } finally {
      // Ending the session frees the lock even if the unlock above failed.
      await this.close();
    }
  }

  private scheduleRenewal(): void {
    this.timer = setTimeout(() => this.renew(), this.timing.heartbeatMs);
    this.timer.unref();
  }

  private renew(): void {
    if (this.released) return;
    const { renewalDeadlineMs } = this.timing;
    const deadline = setTimeout(() => this.drop(`renewal did not complete within ${renewalDeadlineMs} ms`), renewalDeadlineMs);
    deadline.unref();
    this.client.query('SELECT 1').then(
      () => {
        clearTimeout(deadline);
        if (!this.released) this.scheduleRenewal();
      },
      (error: unknown) => {
        clearTimeout(deadline);
        this.drop(`renewal failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  private drop(reason: string): void {
    if (this.released) return;
    this.released = true;
    this.lostReason = reason;
    clearTimeout(this.timer);
    this.onDone();
    this.markLost();
    // the connection is broken or silent: do not wait for a goodbye it cannot deliver
    this.client.connection.stream.destroy();
    this.client.end().catch(() => undefined);
  }

  /** Ends the session politely, but never waits longer than a renewal for it. */
  private async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.timing.renewalDeadlineMs)));
    await Promise.race([this.client.end().catch(() => undefined), late]);
    clearTimeout(timer);
    this.client.connection.stream.destroy();
  }
}
