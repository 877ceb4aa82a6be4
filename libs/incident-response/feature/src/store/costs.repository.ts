import { Injectable } from '@nestjs/common';
import type { DecisionWindowClosed } from '@edict/contracts';
import type { CostBaseline } from '@edict/incident-response-domain';
import { IncidentsRepository } from './incidents.repository';

type Window = DecisionWindowClosed['data'];

/** The window's revision (decision-log's corrections re-publish a window with a higher one). */
export const windowRevision = (w: Window): number => (w as { readonly revision?: number }).revision ?? 1;

/** Declared cost: the stable version's cost per decision (baseline) and every window's sum (budget). */
@Injectable()
export class CostsRepository {
  constructor(private readonly incidents: IncidentsRepository) {}

  async saveBaseline(w: Window, costPerDecision: number): Promise<void> {
    await this.incidents.migrate();
    await this.incidents.pool.query(
      `INSERT INTO ${this.incidents.table}.incident_cost_baselines (policy_id, version, cost_per_decision, window_end) VALUES ($1, $2, $3, $4)
       ON CONFLICT (policy_id) DO UPDATE SET version = excluded.version, cost_per_decision = excluded.cost_per_decision, window_end = excluded.window_end
       WHERE incident_cost_baselines.window_end <= excluded.window_end`,
      [w.policyId, w.version, costPerDecision, w.windowEnd],
    );
  }

  async baseline(policyId: string): Promise<CostBaseline | undefined> {
    await this.incidents.migrate();
    const { rows } = await this.incidents.pool.query<{ c: number }>(
      `SELECT cost_per_decision AS c FROM ${this.incidents.table}.incident_cost_baselines WHERE policy_id = $1`, [policyId]);
    return rows[0] ? { costPerDecision: Number(rows[0].c) } : undefined;
  }

  /**
   * Records the window's cost (a redelivery changes nothing, a correction replaces it) and returns
   * the policy's declared cost on the window's UTC day so far.
   */
  async recordAndSumDay(w: Window, costSum: number): Promise<number> {
    await this.incidents.migrate();
    const t = `${this.incidents.table}.incident_window_costs`;
    await this.incidents.pool.query(
      `INSERT INTO ${t} (policy_id, version, canary, window_start, revision, cost_sum) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (policy_id, version, canary, window_start) DO UPDATE SET revision = excluded.revision, cost_sum = excluded.cost_sum
       WHERE incident_window_costs.revision < excluded.revision`,
      [w.policyId, w.version, w.canary, w.windowStart, windowRevision(w), costSum],
    );
    const day = new Date(Date.parse(w.windowStart)).toISOString().slice(0, 10);
    const { rows } = await this.incidents.pool.query<{ total: number | null }>(
      `SELECT sum(cost_sum) AS total FROM ${t} WHERE policy_id = $1 AND window_start >= ($2::date)::timestamp AT TIME ZONE 'UTC' AND window_start < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'`,
      [w.policyId, day],
    );
    return Number(rows[0]?.total ?? 0);
  }
}
