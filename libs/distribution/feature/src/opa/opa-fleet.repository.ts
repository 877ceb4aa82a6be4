import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { once, PG_POOL, runDdl, runtimeEnv } from '@edict/messaging';
import { opaFleetDdl } from './opa-fleet.schema';
import type { OpaBundleStatus, OpaStatusReport } from './opa-status.types';

/** One agent as stored: its latest report, when it was last heard from, and what it was last served per policy. */
export interface StoredAgent extends OpaStatusReport {
  readonly agentId: string;
  readonly lastStatusAt: string | null;
  readonly lastSeenAt: string;
  readonly served: Readonly<Record<string, { readonly revision: string; readonly servedAt: string }>>;
}

interface AgentRow {
  agent_id: string;
  labels: Record<string, string>;
  bundles: Record<string, OpaBundleStatus>;
  plugins: Record<string, string>;
  last_status_at: Date | null;
  last_seen_at: Date;
  served: { policy_id: string; revision: string; served_at: string }[] | null;
}

/** The OPA fleet read model (opa-fleet.schema.ts). */
@Injectable()
export class OpaFleetRepository {
  private readonly schema = runtimeEnv().schema;
  private readonly migrate = once(() => runDdl(this.pool, `edict-migrate:${this.schema}`, opaFleetDdl(this.schema)));

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async saveStatus(agentId: string, report: OpaStatusReport, at: Date): Promise<void> {
    await this.migrate();
    await this.pool.query(
      `INSERT INTO "${this.schema}".opa_fleet_agents (agent_id, labels, bundles, plugins, last_status_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (agent_id) DO UPDATE SET labels = excluded.labels, bundles = excluded.bundles, plugins = excluded.plugins,
         last_status_at = excluded.last_status_at, last_seen_at = greatest(opa_fleet_agents.last_seen_at, excluded.last_seen_at)`,
      [agentId, JSON.stringify(report.labels), JSON.stringify(report.bundles), JSON.stringify(report.plugins), at],
    );
  }

  /** A bundle request: the agent is alive, and (once answered) which revision it was given. */
  async touch(agentId: string, at: Date, served?: { readonly policyId: string; readonly revision: string }): Promise<void> {
    await this.migrate();
    await this.pool.query(
      `INSERT INTO "${this.schema}".opa_fleet_agents (agent_id, last_seen_at) VALUES ($1, $2)
       ON CONFLICT (agent_id) DO UPDATE SET last_seen_at = greatest(opa_fleet_agents.last_seen_at, excluded.last_seen_at)`,
      [agentId, at],
    );
    if (!served) return;
    await this.pool.query(
      `INSERT INTO "${this.schema}".opa_fleet_served (agent_id, policy_id, revision, served_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agent_id, policy_id) DO UPDATE SET revision = excluded.revision, served_at = excluded.served_at`,
      [agentId, served.policyId, served.revision, at],
    );
  }

  async all(): Promise<StoredAgent[]> {
    await this.migrate();
    const { rows } = await this.pool.query<AgentRow>(
      `SELECT a.*, (SELECT json_agg(json_build_object('policy_id', s.policy_id, 'revision', s.revision, 'served_at', s.served_at))
                      FROM "${this.schema}".opa_fleet_served s WHERE s.agent_id = a.agent_id) AS served
         FROM "${this.schema}".opa_fleet_agents a ORDER BY a.agent_id`,
    );
    return rows.map((r) => ({
      agentId: r.agent_id,
      labels: r.labels,
      bundles: r.bundles,
      plugins: r.plugins,
      lastStatusAt: r.last_status_at?.toISOString() ?? null,
      lastSeenAt: r.last_seen_at.toISOString(),
      served: Object.fromEntries((r.served ?? []).map((s) => [s.policy_id, { revision: s.revision, servedAt: new Date(s.served_at).toISOString() }])),
    }));
  }
}
