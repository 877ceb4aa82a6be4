import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { PdpFleetReport } from '@edict/contracts';
import { once, PG_POOL, runDdl, runtimeEnv } from '@edict/messaging';
import { pdpFleetDdl } from './pdp-fleet.schema';

/** One PDP as stored: its latest report and when it came. */
export interface StoredPdp extends PdpFleetReport {
  readonly agentId: string;
  readonly lastSeenAt: string;
}

interface PdpRow {
  agent_id: string;
  labels: Record<string, string>;
  policies: PdpFleetReport['policies'];
  last_seen_at: Date;
}

/** The Edict PDPs' reports (pdp-fleet.schema.ts). */
@Injectable()
export class PdpFleetRepository {
  private readonly schema = runtimeEnv().schema;
  private readonly migrate = once(() => runDdl(this.pool, `edict-migrate:${this.schema}`, pdpFleetDdl(this.schema)));

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async save(agentId: string, report: PdpFleetReport, at: Date): Promise<void> {
    await this.migrate();
    await this.pool.query(
      `INSERT INTO "${this.schema}".pdp_fleet_agents (agent_id, labels, policies, last_seen_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agent_id) DO UPDATE SET labels = excluded.labels, policies = excluded.policies, last_seen_at = excluded.last_seen_at`,
      [agentId, JSON.stringify(report.labels), JSON.stringify(report.policies), at],
    );
  }

  async all(): Promise<StoredPdp[]> {
    await this.migrate();
    const { rows } = await this.pool.query<PdpRow>(`SELECT * FROM "${this.schema}".pdp_fleet_agents ORDER BY agent_id`);
    return rows.map((r) => ({ agentId: r.agent_id, labels: r.labels, policies: r.policies, lastSeenAt: r.last_seen_at.toISOString() }));
  }
}
