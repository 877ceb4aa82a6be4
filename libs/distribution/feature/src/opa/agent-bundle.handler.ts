import { Inject, Injectable } from '@nestjs/common';
import { cohortOf, StreamIds, type FleetCanary } from '@edict/contracts';
import { NotFoundError } from '@edict/core';
import { rolloutDecider, servingVersionFor, type Serving } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import { KillSwitchBundles } from './kill-switch-bundle';
import { OpaBundleReleaseHandler, type OpaBundleRelease } from './opa-bundle-release.handler';

/** The bundle one agent should run for one policy: its revision (a version or `kill-switch-<mode>`) and tarball. */
export interface AgentBundle extends OpaBundleRelease {
  readonly policyId: string;
  readonly revision: string;
}

/** What an agent runs: as Edict's PDPs serve it, or, for a retired policy (kill switch off), the `retired` bundle. */
type AgentServing = Serving | { readonly kind: 'retired' };

const revisionOf = (serving: AgentServing): string | undefined =>
  serving.kind === 'none' ? undefined : serving.kind === 'retired' ? 'retired' : serving.kind === 'disabled' ? `kill-switch-${serving.mode}` : serving.version;

/**
 * The kill switch, then a pin, then the canary for the agent's cohort (`cohortOf(policyId, agentId)`),
 * then stable: `servingVersionFor`, the rule Edict's PDPs follow. Nothing to serve is 404
 * `OPA.BUNDLE_NOT_FOUND` (an unknown policy, or no version reaches this cohort yet).
 */
@Injectable()
export class AgentBundleHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly releases: OpaBundleReleaseHandler,
    private readonly killSwitch: KillSwitchBundles,
  ) {}

  /** The revision the agent should run, without building anything (the fleet view compares with it). */
  async expectedRevision(policyId: string, agentId: string): Promise<string | undefined> {
    return revisionOf(await this.serving(policyId, agentId));
  }

  /**
   * What an Edict PDP should hold: the revision every subject outside the canary gets (cohort 100
   * is outside every canary, whose cohorts are 0-99 below its percentage) and the canary itself
   * (none while the kill switch or a pin overrides it).
   */
  async expectedForPdp(policyId: string): Promise<{ readonly revision: string | null; readonly canary: FleetCanary | null }> {
    const { state } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
    const outside = servingVersionFor(state, 100);
    const canary = state.status === 'empty' || state.killSwitch || state.pin || !state.canary ? null : { version: state.canary.version, percentage: state.canary.percentage };
    return { revision: revisionOf(outside) ?? null, canary };
  }

  async handle(policyId: string, agentId: string): Promise<AgentBundle> {
    const serving = await this.serving(policyId, agentId);
    if (serving.kind === 'none') {
      throw new NotFoundError('OPA.BUNDLE_NOT_FOUND', `no version of ${policyId} serves agent ${agentId} (unknown policy, or nothing rolled out to its cohort)`, { policyId, agentId });
    }
    if (serving.kind === 'retired') return { policyId, revision: 'retired', ...(await this.killSwitch.of(policyId, 'retired')) };
    if (serving.kind === 'disabled') return { policyId, revision: `kill-switch-${serving.mode}`, ...(await this.killSwitch.of(policyId, serving.mode)) };
    return { policyId, revision: serving.version, ...(await this.releases.handle(policyId, serving.version)) };
  }

  private async serving(policyId: string, agentId: string): Promise<AgentServing> {
    const { state } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
    // an agent keeps its last bundle on a 404: a retired policy gets a bundle that denies instead
    if (state.status === 'tracked' && state.retired && !state.killSwitch) return { kind: 'retired' };
    return servingVersionFor(state, cohortOf(policyId, agentId));
  }
}
