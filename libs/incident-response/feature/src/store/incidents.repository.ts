import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { IncidentState } from '@edict/incident-response-domain';
import { once, PG_POOL, runDdl, runtimeEnv } from '@edict/messaging';
import type { IncidentListRow } from './incident-list-row';
import { incidentsDdl } from './incidents.schema';

const LIST_COLUMNS = `incident_id AS "incidentId", policy_id AS "policyId", version, severity, status, trigger,
  rollback_requested AS "rollbackRequested", opened_at AS "openedAt", rollback_requested_at AS "rollbackRequestedAt",
  rollback_completed_at AS "rollbackCompletedAt", escalated_at AS "escalatedAt", updated_at AS "updatedAt"`;

/** The incident list: what queries, the one-incident-per-problem lookup and the rollback deadline read. */
@Injectable()
export class IncidentsRepository {
  private readonly schema = runtimeEnv().schema;
  readonly migrate = once(() => runDdl(this.pool, `edict-migrate:${this.schema}`, incidentsDdl(this.schema)));

  constructor(@Inject(PG_POOL) readonly pool: Pool) {}

  get table(): string {
    return `"${this.schema}"`;
  }

  async upsert(state: IncidentState, at: string): Promise<void> {
    if (state.status === 'none') return;
    await this.migrate();
    const { rollback } = state;
    await this.pool.query(
      `INSERT INTO ${this.table}.incident_list (incident_id, policy_id, version, severity, status, trigger, rollback_requested, updated_at,
         opened_at, rollback_requested_at, rollback_completed_at, escalated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (incident_id) DO UPDATE SET status = excluded.status, severity = excluded.severity, rollback_requested = excluded.rollback_requested,
         updated_at = excluded.updated_at, opened_at = excluded.opened_at, rollback_requested_at = excluded.rollback_requested_at,
         rollback_completed_at = excluded.rollback_completed_at, escalated_at = excluded.escalated_at`,
      [state.incidentId, state.policyId, state.version, state.severity, state.status, state.trigger, state.rollbackRequested, at,
        state.openedAt, rollback.requestedAt, rollback.completedAt, rollback.escalatedAt],
    );
  }

  async list(status?: string): Promise<IncidentListRow[]> {
    await this.migrate();
    const { rows } = await this.pool.query<IncidentListRow>(
      `SELECT ${LIST_COLUMNS} FROM ${this.table}.incident_list WHERE ($1::text IS NULL OR status = $1) ORDER BY updated_at DESC LIMIT 500`,
      [status ?? null],
    );
    return rows;
  }

  /**
   * The incident a rollout problem already has: the latest about this version that is unresolved
   * or asked for a rollback (a rolled-back version stays that incident's problem). Budget alerts
   * are about the policy's spend, not the version, and never count.
   */
  async problemOf(policyId: string, version: string): Promise<string | undefined> {
    await this.migrate();
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT incident_id AS id FROM ${this.table}.incident_list
        WHERE policy_id = $1 AND version = $2 AND trigger <> 'budget' AND (status <> 'resolved' OR rollback_requested)
        ORDER BY opened_at DESC NULLS LAST, incident_id DESC LIMIT 1`,
      [policyId, version],
    );
    return rows[0]?.id;
  }

  /** Incidents about a version whose rollback was asked and has not been recorded as done. */
  async awaitingRollback(policyId: string, version: string): Promise<string[]> {
    await this.migrate();
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT incident_id AS id FROM ${this.table}.incident_list
        WHERE policy_id = $1 AND version = $2 AND rollback_requested AND rollback_completed_at IS NULL`,
      [policyId, version],
    );
    return rows.map((r) => r.id);
  }

  /** Rollbacks asked before `before` that neither completed nor were escalated yet. */
  async overdueRollbacks(before: string): Promise<string[]> {
    await this.migrate();
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT incident_id AS id FROM ${this.table}.incident_list
        WHERE rollback_requested AND rollback_completed_at IS NULL AND escalated_at IS NULL AND rollback_requested_at < $1 LIMIT 100`,
      [before],
    );
    return rows.map((r) => r.id);
  }
}
