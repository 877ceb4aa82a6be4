import { Client, escapeIdentifier } from 'pg';
import type { WakeSignal } from '../subscription/wake-signal';

/** application_name of a schema's LISTEN connection, so operators (and tests) find it in pg_stat_activity. */
export const notifierApplicationName = (schema: string): string => `edict-event-store:listen:${schema}`.slice(0, 63);

/**
 * One LISTEN connection per store that turns NOTIFYs on the schema's channel into wake-ups.
 * Only a hint: if the connection drops, subscribers keep polling, and the notifier reconnects
 * with backoff and wakes everyone once it is back (notifications sent meanwhile are lost).
 */
export class PostgresNotifier {
  private client: Client | undefined;
  private starting: Promise<void> | undefined;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private backoffMs = 100;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly signal: WakeSignal,
    private readonly applicationName: string,
  ) {}

  /** Starts listening if it is not already; resolves once LISTEN is in place or has failed. */
  ensureStarted(): Promise<void> {
    if (this.closed || this.client) return Promise.resolve();
    this.starting ??= this.connect().finally(() => (this.starting = undefined));
    return this.starting;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.starting;
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, keepAlive: true, application_name: this.applicationName });
    client.on('notification', () => this.signal.bump());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(this.channel)}`);
    } catch {
      // Polling covers for us while the database is unreachable; try again later.
      this.lost(client);
      return;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.backoffMs = 100;
    // Anything appended before LISTEN took effect was not notified: make subscribers look.
    this.signal.bump();
  }

  private lost(client: Client): void {
    if (this.client === client) this.client = undefined;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined); // already broken; ending only frees the socket
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.ensureStarted();
    }, this.backoffMs);
    this.retryTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, 5000);
  }
}
