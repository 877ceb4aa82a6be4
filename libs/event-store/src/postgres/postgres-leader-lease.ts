import type { Client } from 'pg';
import type { LeaderLease } from '../port/leader-lock.port';

/**
 * A held session-level advisory lock: it lives exactly as long as its dedicated connection.
 * `lost` resolves when that connection errors, ends, or fails a heartbeat (a half-open TCP
 * connection would otherwise look alive); Postgres frees the lock when the session dies.
 */
export class PostgresLeaderLease implements LeaderLease {
  readonly lost: Promise<void>;
  private markLost: () => void = () => undefined;
  private released = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly client: Client,
    private readonly key: string,
    heartbeatMs: number,
    private readonly onDone: () => void,
  ) {
    this.lost = new Promise((resolve) => (this.markLost = resolve));
    client.on('error', () => this.drop());
    client.on('end', () => this.drop());
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch(() => this.drop());
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    clearInterval(this.heartbeat);
    this.onDone();
    try {
      await this.client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.key]);
    } finally {
      // Ending the session frees the lock even if the unlock above failed.
      await this.client.end();
    }
  }

  private drop(): void {
    if (this.released) return;
    this.released = true;
    clearInterval(this.heartbeat);
    this.onDone();
    this.markLost();
    this.client.end().catch(() => undefined); // the connection is already broken; this frees the socket
  }
}
