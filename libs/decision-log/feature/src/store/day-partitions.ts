import type { Pool } from 'pg';

const DAY_MS = 86_400_000;

/** The UTC day (`YYYY-MM-DD`) of an instant in epoch ms. */
export const utcDayOf = (ms: number): string => new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);

/** `days` consecutive UTC days starting `from` days away from `nowMs` (negative: in the past). */
export const utcDaysAround = (nowMs: number, from: number, days: number): string[] =>
  Array.from({ length: days }, (_, i) => utcDayOf(nowMs + (from + i) * DAY_MS));

/** Whether a pg error is an insert into a day with no partition (SQLSTATE 23514, "no partition of relation"). */
export const isMissingPartition = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === '23514' && /no partition of relation/.test(error.message);

/**
 * The day partitions of `decisions` as this process knows them: a batch's days are created
 * before the batch is stored (outside its transaction: creating a partition locks the parent),
 * and remembered, so the hot path asks Postgres only on a new day. Retention may drop a day
 * another replica remembers: its insert then fails with isMissingPartition, and it forgets and retries.
 */
export class DayPartitions {
  private readonly known = new Set<string>();

  constructor(private readonly pool: Pool, private readonly schema: string) {}

  /** Creates the partitions of these UTC days that do not exist yet. */
  async ensure(days: Iterable<string>): Promise<void> {
    const missing = [...new Set(days)].filter((d) => !this.known.has(d));
    if (missing.length === 0) return;
    await this.pool.query(`SELECT "${this.schema}".decision_log_ensure_days($1::date[])`, [missing]);
    for (const d of missing) this.known.add(d);
  }

  /** The partitions the days of these timestamps (ISO 8601) need. */
  ensureFor(timestamps: Iterable<string>): Promise<void> {
    const days = new Set<number>();
    for (const t of timestamps) days.add(Math.floor(Date.parse(t) / DAY_MS));
    return this.ensure([...days].map((d) => utcDayOf(d * DAY_MS)));
  }

  /** Drops every day partition before `cutoffDay` (`YYYY-MM-DD`); returns their names. */
  async dropBefore(cutoffDay: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ name: string }>(`SELECT "${this.schema}".decision_log_drop_days_before($1::date) AS name`, [cutoffDay]);
    for (const d of [...this.known]) if (d < cutoffDay) this.known.delete(d);
    return rows.map((r) => r.name);
  }

  /** Forgets what it knew (a partition it remembered is gone). */
  forget(): void {
    this.known.clear();
  }
}
