import type { Pool } from 'pg';
import { once, runDdl } from '../store/run-ddl';

/**
 * Remembers which event ids a consumer has handled, so a redelivered message is a no-op
 * (STYLE.md §8). Handlers are idempotent on their own too (deterministic ids, upserts): this
 * table makes the common duplicate cheap and observable.
 */
export class ProcessedEventsStore {
  constructor(private readonly pool: Pool, private readonly schema: string) {}

  async has(consumer: string, eventId: string): Promise<boolean> {
    await this.migrate();
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM ${this.table} WHERE consumer = $1 AND event_id = $2`,
      [consumer, eventId],
    );
    return (rowCount ?? 0) > 0;
  }

  async mark(consumer: string, eventId: string): Promise<void> {
    await this.migrate();
    await this.pool.query(
      `INSERT INTO ${this.table} (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [consumer, eventId],
    );
  }

  private get table(): string {
    return `"${this.schema}".processed_events`;
  }

  private readonly migrate = once(() =>
    runDdl(
      this.pool,
      `edict-migrate:${this.schema}`,
      `CREATE SCHEMA IF NOT EXISTS "${this.schema}";
       CREATE TABLE IF NOT EXISTS ${this.table} (
         consumer text NOT NULL, event_id text NOT NULL,
         processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer, event_id))`,
    ),
  );
}
