import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@edict/messaging';
import { DecisionLogMigrator } from './decision-log.migrator';
import { toStoredWindow, WINDOW_COLUMNS, type StoredWindow, type WindowRow } from './stored-window';

/** Filters of GET /v1/windows. */
export interface WindowQuery {
  readonly policyId?: string;
  readonly version?: string;
  readonly canary?: boolean;
  readonly limit: number;
}

/** Decision windows: closing them behind the watermark, amending them, publishing state, queries. */
@Injectable()
export class DecisionWindowsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool, private readonly schema: DecisionLogMigrator) {}

  /**
   * Closes every open window ending at or before `throughMs` (revision 1) and amends every closed
   * window that got decisions since (revision + 1), in one statement: the row locks order it
   * against ingest, so a decision is either in this revision or marks the row amended again.
   * `throughMs` null (the watermark never known yet): amend only. Returns how many were closed and amended.
   */
  async closeAndAmend(throughMs: number | null): Promise<{ closed: number; amended: number }> {
    await this.schema.migrate();
    const { rows } = await this.pool.query<{ revision: number }>(
      `UPDATE "${this.schema.schema}".decision_log_window_counts
          SET revision = revision + 1, amended = false, closed_at = coalesce(closed_at, now())
        WHERE (revision = 0 AND window_end <= $1::timestamptz) OR amended
       RETURNING revision`, [throughMs === null ? null : new Date(throughMs)]);
    const closed = rows.filter((r) => r.revision === 1).length;
    return { closed, amended: rows.length - closed };
  }

  /** Windows whose latest revision has not been published yet, oldest first (then by policy, version, canary flag). */
  async unpublished(limit: number): Promise<StoredWindow[]> {
    await this.schema.migrate();
    const { rows } = await this.pool.query<WindowRow>(
      `SELECT ${WINDOW_COLUMNS} FROM "${this.schema.schema}".decision_log_window_counts WHERE published_revision < revision
        ORDER BY window_start, policy_id, version, canary LIMIT $1`, [limit]);
    return rows.map(toStoredWindow);
  }

  /** Records that these revisions went out (a newer revision closed meanwhile stays pending). */
  async markPublished(windows: readonly StoredWindow[]): Promise<void> {
    if (windows.length === 0) return;
    const ws = windows.map((w) => w.window);
    await this.pool.query(
      `UPDATE "${this.schema.schema}".decision_log_window_counts w SET published_revision = greatest(w.published_revision, k.revision), published_at = now()
         FROM unnest($1::text[], $2::text[], $3::boolean[], $4::timestamptz[], $5::int[]) AS k(policy_id, version, canary, window_start, revision)
        WHERE (w.policy_id, w.version, w.canary, w.window_start) = (k.policy_id, k.version, k.canary, k.window_start)`,
      [ws.map((w) => w.policyId), ws.map((w) => w.version), ws.map((w) => w.canary), ws.map((w) => w.windowStart), ws.map((w) => w.revision)],
    );
  }

  /** Per partition of `topic`: the newest decision timestamp stored from it (caughtUp is the caller's to add). */
  async partitionPositions(topic: string): Promise<Map<number, number>> {
    await this.schema.migrate();
    const { rows } = await this.pool.query<{ partition: number; max_event_at: Date }>(
      `SELECT partition, max_event_at FROM "${this.schema.schema}".decision_log_partitions WHERE topic = $1`, [topic]);
    return new Map(rows.map((r) => [r.partition, r.max_event_at.getTime()]));
  }

  /** Closed windows, newest first. */
  async list(q: WindowQuery): Promise<StoredWindow[]> {
    await this.schema.migrate();
    const { rows } = await this.pool.query<WindowRow>(
      `SELECT ${WINDOW_COLUMNS} FROM "${this.schema.schema}".decision_log_window_counts
        WHERE revision > 0 AND ($1::text IS NULL OR policy_id = $1) AND ($2::text IS NULL OR version = $2) AND ($3::boolean IS NULL OR canary = $3)
        ORDER BY window_start DESC, policy_id, version, canary LIMIT $4`,
      [q.policyId ?? null, q.version ?? null, q.canary ?? null, q.limit]);
    return rows.map(toStoredWindow);
  }
}

