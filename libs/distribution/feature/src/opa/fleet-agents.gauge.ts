import { Gauge } from 'prom-client';
import { metricsFor } from '@edict/observability';
import type { FleetView } from '@edict/contracts';

const NAME = 'edict_fleet_agents';

/**
 * `edict_fleet_agents{policy,version,state}` on distribution's registry: agents per policy, the
 * revision they run (`none` before one activated) and their state, computed from the fleet
 * view at each scrape. A fixed name, like `edict_audit_chain_broken`, so dashboards do not depend
 * on which service holds the fleet.
 */
export function fleetAgentsGauge(view: () => Promise<FleetView>, service = 'distribution'): Gauge<'policy' | 'version' | 'state'> {
  const registry = metricsFor(service).registry;
  const existing = registry.getSingleMetric(NAME);
  if (existing instanceof Gauge) return existing;
  return new Gauge({
    name: NAME,
    help: 'fleet agents (stock OPA agents and Edict PDPs) by policy, the revision they run and their state (current, wrong-revision, error, stale, pending)',
    labelNames: ['policy', 'version', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const agent of (await view().catch(() => ({ agents: [] as FleetView['agents'] }))).agents) {
        for (const p of agent.policies) this.inc({ policy: p.policyId, version: p.activeRevision ?? 'none', state: p.state });
      }
    },
  });
}
