import { Injectable } from '@nestjs/common';
import { tierOfPolicyId, type FleetAgent, type FleetCanary, type FleetPolicy, type FleetPolicyState, type FleetView } from '@edict/contracts';
import { AgentBundleHandler } from './agent-bundle.handler';
import { fleetAgentsGauge } from './fleet-agents.gauge';
import { OpaFleetRepository, type StoredAgent } from './opa-fleet.repository';
import { PdpFleetRepository, type StoredPdp } from './pdp-fleet.repository';

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

const sameCanary = (a: FleetCanary | null, b: FleetCanary | null): boolean => a?.version === b?.version && a?.percentage === b?.percentage;

/** The fleet view: every agent (OPA agents and Edict PDPs), the policy revisions it runs against those it should run. */
@Injectable()
export class FleetViewHandler {
  readonly staleAfter = staleAfterSeconds();

  constructor(private readonly repository: OpaFleetRepository, private readonly pdps: PdpFleetRepository, private readonly bundles: AgentBundleHandler) {
    fleetAgentsGauge(() => this.view());
  }

  async view(now = new Date()): Promise<FleetView> {
    const opa = await Promise.all((await this.repository.all()).map((agent) => this.agent(agent, now)));
    const pdps = await Promise.all((await this.pdps.all()).map((pdp) => this.pdp(pdp, now)));
    const agents = [...opa, ...pdps].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { staleAfterSeconds: this.staleAfter, agents };
  }

  private async agent(stored: StoredAgent, now: Date): Promise<FleetAgent> {
    const stale = now.getTime() - Date.parse(stored.lastSeenAt) > this.staleAfter * 1000;
    const names = [...new Set([...Object.keys(stored.bundles), ...Object.keys(stored.served)])].filter(isPolicyId).sort();
    const policies = await Promise.all(names.map((policyId) => this.policy(stored, policyId, stale)));
    return { id: stored.agentId, kind: 'opa', labels: stored.labels, policies, lastSeen: stored.lastSeenAt, lastStatus: stored.lastStatusAt, stale };
  }

  /** A PDP: per policy it holds, its revision outside the canary and its canary against distribution's. */
  private async pdp(stored: StoredPdp, now: Date): Promise<FleetAgent> {
    const stale = now.getTime() - Date.parse(stored.lastSeenAt) > this.staleAfter * 1000;
    const policies = await Promise.all([...stored.policies].sort((a, b) => (a.policyId < b.policyId ? -1 : 1)).map(async (held): Promise<FleetPolicy> => {
      const expected = await this.bundles.expectedForPdp(held.policyId).catch(() => ({ revision: null, canary: null }));
      const state: FleetPolicyState = stale ? 'stale' : held.revision === expected.revision && sameCanary(held.canary, expected.canary) ? 'current' : 'wrong-revision';
      return {
        policyId: held.policyId, activeRevision: held.revision, expectedRevision: expected.revision, servedRevision: null,
        lastActivation: null, lastDownload: null, code: null, message: null, errors: [], state,
        activeCanary: held.canary, expectedCanary: expected.canary,
      };
    }));
    return { id: stored.agentId, kind: 'pdp', labels: stored.labels, policies, lastSeen: stored.lastSeenAt, lastStatus: stored.lastSeenAt, stale };
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
