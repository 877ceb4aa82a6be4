import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DecisionWindowClosed } from '@edict/contracts';
import type { WindowTotals } from '@edict/distribution-domain';
import { once, PG_POOL, runDdl, runtimeEnv } from '@edict/messaging';
import { distributionDdl } from './distribution.schema';

/** Decision windows per policy, version and canary flag; summed by the promotion gates. */
@Injectable()
export class DecisionWindowsRepository {
  private readonly schema = runtimeEnv().schema;
  private readonly migrate = once(() => runDdl(this.pool, `edict-migrate:${this.schema}`, distributionDdl(this.schema)));

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Keeps the highest revision of each window (policy, version, canary flag, start): a correction
   * (decisions that arrived after the window closed) replaces the counts; an older or repeated
   * revision changes nothing, so the upsert is idempotent whatever the delivery order.
   */
  async save(w: DecisionWindowClosed['data']): Promise<void> {
    await this.migrate();
    await this.pool.query(
      `INSERT INTO "${this.schema}".distribution_decision_windows AS d
         (policy_id, version, canary, window_start, window_end, total, errors, denies, no_matches, mean_evaluation_ns, revision, cost_sum)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (policy_id, version, canary, window_start) DO UPDATE SET
         window_end = excluded.window_end, total = excluded.total, errors = excluded.errors, denies = excluded.denies,
         no_matches = excluded.no_matches, mean_evaluation_ns = excluded.mean_evaluation_ns, revision = excluded.revision,
         cost_sum = excluded.cost_sum
       WHERE excluded.revision > d.revision`,
      [w.policyId, w.version, w.canary, w.windowStart, w.windowEnd, w.total, w.errors, w.denies, w.noMatches, w.meanEvaluationNs, w.revision ?? 1, w.costSum ?? null],
    );
  }

  /**
   * Decisions asked of the policy (any version, canary or not) in windows that ended after
   * `since`, and the newest such window's end: what retirement's quiet period checks.
   */
  async decisionsSince(policyId: string, since: string): Promise<{ readonly total: number; readonly lastWindowEnd: string | null }> {
    await this.migrate();
    const { rows } = await this.pool.query<{ total: string; last: Date | null }>(
      `SELECT coalesce(sum(total), 0) AS total, max(window_end) AS last FROM "${this.schema}".distribution_decision_windows
        WHERE policy_id = $1 AND window_end > $2 AND total > 0`,
      [policyId, since],
    );
    return { total: Number(rows[0]?.total ?? 0), lastWindowEnd: rows[0]?.last ? new Date(rows[0].last).toISOString() : null };
  }

  /**
   * Totals of a version's windows that started at or after `since`: the counts, the mean evaluation
   * time (latency) and the declared cost summed (absent when no window carried a cost).
   */
  async totals(policyId: string, version: string, canary: boolean, since: string): Promise<WindowTotals> {
    await this.migrate();
    const { rows } = await this.pool.query<{ total: string; errors: string; denies: string; latency: string | null; cost: string | null }>(
      `SELECT coalesce(sum(total), 0) AS total, coalesce(sum(errors), 0) AS errors, coalesce(sum(denies), 0) AS denies,
              sum(mean_evaluation_ns * total) / nullif(sum(total), 0) AS latency, sum(cost_sum) AS cost
         FROM "${this.schema}".distribution_decision_windows
        WHERE policy_id = $1 AND version = $2 AND canary = $3 AND window_start >= $4`,
      [policyId, version, canary, since],
    );
    const row = rows[0];
    return {
      total: Number(row?.total ?? 0), errors: Number(row?.errors ?? 0), denies: Number(row?.denies ?? 0), meanEvaluationNs: Number(row?.latency ?? 0),
      ...(row?.cost != null ? { costSum: Number(row.cost) } : {}),
    };
  }
}
