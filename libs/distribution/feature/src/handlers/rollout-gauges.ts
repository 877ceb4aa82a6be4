import { Inject, Injectable } from '@nestjs/common';
import type { Gauge } from 'prom-client';
import { StreamIds } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { gateReport, rolloutDecider, type GateRow, type TrackedRollout } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, loadState } from '@edict/messaging';
import { metricsFor } from '@edict/observability';
import { DecisionWindowsRepository } from '../store/decision-windows.repository';
import { ReleasesRepository } from '../store/releases.repository';
import { gateThresholdsFromEnv } from './gate-config';

interface Snapshot {
  readonly rollouts: readonly TrackedRollout[];
  readonly gates: ReadonlyMap<string, readonly GateRow[]>;
}

/**
 * The dashboard's and alerts' view of rollouts, computed from the rollout streams at each scrape
 * (one read per policy, shared by the gauges of one scrape):
 * `edict_distribution_serving_version{policy,version,track}` (1 per version serving: stable,
 * canary, pinned), `edict_distribution_canary_percentage{policy,version}`,
 * `edict_distribution_kill_switch_active{policy,mode}` and
 * `edict_distribution_canary_gate_passed{policy,version,gate}` (1 passed, 0 failing; `gate="all"`
 * is the verdict promotion uses), the same gates as `GET /v1/rollouts/{id}`.
 */
@Injectable()
export class RolloutGauges {
  private readonly thresholds = gateThresholdsFromEnv();
  private pending: Promise<Snapshot> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly releases: ReleasesRepository,
    private readonly windows: DecisionWindowsRepository,
  ) {
    const metrics = metricsFor('distribution');
    const gauge = <L extends string>(what: string, unit: string, help: string, labelNames: L[], fill: (g: Gauge<L>, s: Snapshot) => void): void => {
      const g: Gauge<L> = metrics.gauge<L>({ what, unit, help, labelNames });
      // collect() runs at every scrape; the snapshot is shared by the four gauges of that scrape
      Object.assign(g, { collect: async () => { g.reset(); fill(g, await this.snapshot()); } });
    };
    gauge('serving', 'version', 'versions serving now, by track (stable, canary, pinned): 1 each', ['policy', 'version', 'track'], (g, s) => {
      for (const r of s.rollouts) {
        if (r.stable) g.set({ policy: r.policyId, version: r.stable.version, track: 'stable' }, 1);
        if (r.canary) g.set({ policy: r.policyId, version: r.canary.version, track: 'canary' }, 1);
        if (r.pin) g.set({ policy: r.policyId, version: r.pin.version, track: 'pinned' }, 1);
      }
    });
    gauge('canary', 'percentage', 'share of cohorts the canary version serves (10, 50, 100)', ['policy', 'version'], (g, s) => {
      for (const r of s.rollouts) if (r.canary) g.set({ policy: r.policyId, version: r.canary.version }, r.canary.percentage);
    });
    gauge('kill_switch', 'active', 'policies whose kill switch is on, by mode: 1 each', ['policy', 'mode'], (g, s) => {
      for (const r of s.rollouts) if (r.killSwitch) g.set({ policy: r.policyId, mode: r.killSwitch.mode }, 1);
    });
    gauge('canary_gate', 'passed', 'the current canary step\'s promotion gates: 1 passed, 0 failing; gate="all" is the verdict', ['policy', 'version', 'gate'], (g, s) => {
      for (const r of s.rollouts) {
        const rows = r.canary ? s.gates.get(r.policyId) : undefined;
        if (!r.canary || !rows) continue;
        for (const row of rows) g.set({ policy: r.policyId, version: r.canary.version, gate: row.gate }, row.passed ? 1 : 0);
        g.set({ policy: r.policyId, version: r.canary.version, gate: 'all' }, rows.every((row) => row.passed) ? 1 : 0);
      }
    });
  }

  private snapshot(): Promise<Snapshot> {
    this.pending ??= this.read().catch((): Snapshot => ({ rollouts: [], gates: new Map() })).finally(() => setTimeout(() => { this.pending = undefined; }, 1000).unref());
    return this.pending;
  }

  private async read(): Promise<Snapshot> {
    const rollouts: TrackedRollout[] = [];
    const gates = new Map<string, readonly GateRow[]>();
    const now = this.clock.now().toISOString();
    for (const policyId of await this.releases.policyIds()) {
      const { state } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
      if (state.status !== 'tracked') continue;
      rollouts.push(state);
      if (!state.canary) continue;
      const since = state.canary.stepStartedAt;
      const canary = await this.windows.totals(policyId, state.canary.version, true, since);
      const stable = state.stable ? await this.windows.totals(policyId, state.stable.version, false, since) : undefined;
      gates.set(policyId, gateReport({ canary, ...(stable ? { stable } : {}) }, this.thresholds, since, now).gates);
    }
    return { rollouts, gates };
  }
}
