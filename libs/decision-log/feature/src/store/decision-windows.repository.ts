import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DecisionWindowClosed } from '@edict/contracts';
import { PG_POOL } from '@edict/messaging';
import type { CloseRange } from '../windows/window-schedule';
import { closeNextRange } from './close-next-range';
import { DecisionLogMigrator } from './decision-log.migrator';
import { toStoredWindow, WINDOW_COLUMNS, type StoredWindow, type WindowRow } from './stored-window';

type ClosedWindow = DecisionWindowClosed['data'];

/** Filters of GET /v1/windows. */
export interface WindowQuery {
  readonly policyId?: string;
  readonly version?: string;
  readonly canary?: boolean;
  readonly limit: number;
}

/** Closed decision windows: closing them from the stored decisions, publishing state, queries. */
@Injectable()
export class DecisionWindowsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool, private readonly schema: DecisionLogMigrator) {}

  /** Closes the next range of windows ending at or before `upToMs`; null when nothing more ended (closeNextRange). */
  async closeNext(upToMs: number, lengthMs: number, maxWindows: number): Promise<{ range: CloseRange; windows: number } | null> {
    await this.schema.migrate();
    return closeNextRange(this.pool, this.schema.schema, upToMs, lengthMs, maxWindows);
  }

  /** Closed windows not published yet, oldest first (then by policy, version, canary flag). */
  async unpublished(limit: number): Promise<StoredWindow[]> {
    await this.schema.migrate();
    const { rows } = await this.pool.query<WindowRow>(
      `SELECT ${WINDOW_COLUMNS} FROM "${this.schema.schema}".decision_log_windows WHERE published_at IS NULL
        ORDER BY window_start, policy_id, version, canary LIMIT $1`, [limit]);
    return rows.map(toStoredWindow);
  }

  async markPublished(windows: readonly ClosedWindow[]): Promise<void> {
    if (windows.length === 0) return;
    await this.pool.query(
      `UPDATE "${this.schema.schema}".decision_log_windows w SET published_at = now()
         FROM unnest($1::text[], $2::text[], $3::boolean[], $4::timestamptz[]) AS k(policy_id, version, canary, window_start)
        WHERE (w.policy_id, w.version, w.canary, w.window_start) = (k.policy_id, k.version, k.canary, k.window_start)`,
      [windows.map((w) => w.policyId), windows.map((w) => w.version), windows.map((w) => w.canary), windows.map((w) => w.windowStart)],
    );
  }

  /** Closed windows, newest first. */
  async list(q: WindowQuery): Promise<StoredWindow[]> {
    await this.schema.migrate();
    const { rows } = await this.pool.query<WindowRow>(
      `SELECT ${WINDOW_COLUMNS} FROM "${this.schema.schema}".decision_log_windows
        WHERE ($1::text IS NULL OR policy_id = $1) AND ($2::text IS NULL OR version = $2) AND ($3::boolean IS NULL OR canary = $3)
        ORDER BY window_start DESC, policy_id, version, canary LIMIT $4`,
      [q.policyId ?? null, q.version ?? null, q.canary ?? null, q.limit]);
    return rows.map(toStoredWindow);
  }
}
