import { Inject, Injectable } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { rolloutDecider } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import type { CanaryOf } from './opa-decision.mapper';

/**
 * Which versions are in canary now, read from the `rollout-<policyId>` streams (distribution
 * writes them; every service may read the store). An OPA agent runs what the Bundle API served
 * it, so its decision is a canary decision when the bundle revision it reports is the policy's
 * canary version (and no pin overrides the rollout). Read once per policy per batch.
 */
@Injectable()
export class RolloutCanariesReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async canaryOf(policyIds: Iterable<string>): Promise<CanaryOf> {
    const canaries = new Map<string, string | null>();
    for (const policyId of new Set(policyIds)) {
      const { state } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
      canaries.set(policyId, state.status === 'tracked' && !state.pin ? state.canary?.version ?? null : null);
    }
    return (policyId, version) => canaries.get(policyId) === version;
  }
}
