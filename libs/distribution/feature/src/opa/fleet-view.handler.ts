import { Injectable } from '@nestjs/common';
import { tierOfPolicyId, type FleetAgent, type FleetPolicy, type FleetPolicyState, type FleetView } from '@edict/contracts';
import { AgentBundleHandler } from './agent-bundle.handler';
import { fleetAgentsGauge } from './fleet-agents.gauge';
import { OpaFleetRepository, type StoredAgent } from './opa-fleet.repository';

/** EDICT_FLEET_STALE_SECONDS (default 330: the longest long poll, 300 s, plus margin): an agent not heard from for longer is stale. */
export const staleAfterSeconds = (env: NodeJS.ProcessEnv = process.env): number => {
  const value = Number(env['EDICT_FLEET_STALE_SECONDS'] ?? 330);
  return Number.isFinite(value) && value > 0 ? value : 330;
};

const isPolicyId = (name: string): boolean => {
  try {
    tierOfPolicyId(name);
    return true;
  } catch {
    return false;
  }
};

/** The fleet view: every agent, the policy revisions it runs against those it should run. */
@Injectable()
export class FleetViewHandler {
  readonly staleAfter = staleAfterSeconds();

  constructor(private readonly repository: OpaFleetRepository, private readonly bundles: AgentBundleHandler) {
    fleetAgentsGauge(() => this.view());
  }

  async view(now = new Date()): Promise<FleetView> {
    const agents = await Promise.all((await this.repository.all()).map((agent) => this.agent(agent, now)));
    return { staleAfterSeconds: this.staleAfter, agents };
  }

  private async agent(stored: StoredAgent, now: Date): Promise<FleetAgent> {
    const stale = now.getTime() - Date.parse(stored.lastSeenAt) > this.staleAfter * 1000;
    const names = [...new Set([...Object.keys(stored.bundles), ...Object.keys(stored.served)])].filter(isPolicyId).sort();
    const policies = await Promise.all(names.map((policyId) => this.policy(stored, policyId, stale)));
    return { id: stored.agentId, kind: 'opa', labels: stored.labels, policies, lastSeen: stored.lastSeenAt, lastStatus: stored.lastStatusAt, stale };
  }

  private async policy(stored: StoredAgent, policyId: string, stale: boolean): Promise<FleetPolicy> {
    const status = stored.bundles[policyId];
    const expectedRevision = (await this.bundles.expectedRevision(policyId, stored.agentId).catch(() => undefined)) ?? null;
    const code = status?.code ?? null;
    const errors = status?.errors ?? [];
    const activeRevision = status?.activeRevision ?? null;
    const state: FleetPolicyState = stale
      ? 'stale'
      : code || errors.length > 0
        ? 'error'
        : !status
          ? 'pending'
          : activeRevision !== expectedRevision
            ? 'wrong-revision'
            : 'current';
    return {
      policyId,
      activeRevision,
      expectedRevision,
      servedRevision: stored.served[policyId]?.revision ?? null,
      lastActivation: status?.lastSuccessfulActivation ?? null,
      lastDownload: status?.lastSuccessfulDownload ?? null,
      code,
      message: status?.message ?? null,
      errors,
      state,
    };
  }
}
