import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { IncidentState } from '@edict/incident-response-domain';
import { once, PG_POOL, runDdl, runtimeEnv } from '@edict/messaging';
import { incidentsDdl } from './incidents.schema';

/** The incident list and the cost baselines. */
@Injectable()
export class IncidentsRepository {
  private readonly schema = runtimeEnv().schema;
  private readonly migrate = once(() => runDdl(this.pool, `edict-migrate:${this.schema}`, incidentsDdl(this.schema)));

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async upsert(state: IncidentState, at: string): Promise<void> {
    if (state.status === 'none') return;
    await this.migrate();
    await this.pool.query(
      `INSERT INTO "${this.schema}".incident_list (incident_id, policy_id, version, severity, status, trigger, rollback_requested, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (incident_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
      [state.incidentId, state.policyId, state.version, state.severity, state.status, state.trigger, state.rollbackRequested, at],
    );
  }

  async list(status?: string): Promise<Record<string, unknown>[]> {
    await this.migrate();
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT incident_id AS "incidentId", policy_id AS "policyId", version, severity, status, trigger,
              rollback_requested AS "rollbackRequested", updated_at AS "updatedAt"
         FROM "${this.schema}".incident_list WHERE ($1::text IS NULL OR status = $1) ORDER BY updated_at DESC LIMIT 500`,
      [status ?? null],
    );
    return rows;
  }

  async saveBaseline(policyId: string, version: string, meanEvaluationNs: number, windowEnd: string): Promise<void> {
    await this.migrate();
    await this.pool.query(
      `INSERT INTO "${this.schema}".incident_baselines (policy_id, version, mean_evaluation_ns, window_end) VALUES ($1, $2, $3, $4)
       ON CONFLICT (policy_id) DO UPDATE SET version = excluded.version, mean_evaluation_ns = excluded.mean_evaluation_ns, window_end = excluded.window_end
       WHERE incident_baselines.window_end <= excluded.window_end`,
      [policyId, version, meanEvaluationNs, windowEnd],
    );
  }

  async baseline(policyId: string): Promise<{ meanEvaluationNs: number } | undefined> {
    await this.migrate();
    const { rows } = await this.pool.query<{ mean: number }>(`SELECT mean_evaluation_ns AS mean FROM "${this.schema}".incident_baselines WHERE policy_id = $1`, [policyId]);
    return rows[0] ? { meanEvaluationNs: Number(rows[0].mean) } : undefined;
  }
}
