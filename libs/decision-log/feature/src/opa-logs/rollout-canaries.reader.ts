import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type RolloutEvent } from '@edict/contracts';
import { rolloutDecider, type RolloutState } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@edict/event-store';
import type { CanaryOf } from './opa-decision.mapper';

/** The canary version a rollout state serves (none while pinned or untracked). */
const canaryIn = (state: RolloutState): string | null => (state.status === 'tracked' && !state.pin ? state.canary?.version ?? null : null);

/**
 * Which version was in canary when each decision was made, read from the `rollout-<policyId>`
 * streams (distribution writes them; every service may read the store). An OPA agent runs what
 * the Bundle API served it, so its decision is a canary decision when the bundle revision it
 * reports was the policy's canary version (and no pin overrode the rollout) at the decision's
 * own timestamp: agents report decisions a second or two late, and a decision of the canary made
 * just before a rollback stays a canary decision when it arrives after it. Read once per policy
 * per batch.
 */
@Injectable()
export class RolloutCanariesReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async canaryOf(policyIds: Iterable<string>): Promise<CanaryOf> {
    const timelines = new Map<string, { readonly from: number; readonly canary: string | null }[]>();
    for (const policyId of new Set(policyIds)) timelines.set(policyId, canaryTimeline(await this.store.readStream(StreamIds.rollout(policyId))));
    return (policyId, version, at) => {
      const timeline = timelines.get(policyId) ?? [];
      const when = Date.parse(at);
      let canary: string | null = null;
      for (const step of timeline) {
        if (step.from > when) break;
        canary = step.canary;
      }
      return canary === version;
    };
  }
}

/** The canary version from each event's recorded time on, in stream order. */
export function canaryTimeline(events: readonly StoredEvent[]): { readonly from: number; readonly canary: string | null }[] {
  let state = rolloutDecider.initialState();
  return events.map((event) => {
    state = rolloutDecider.evolve(state, { type: event.type, data: event.data } as RolloutEvent);
    return { from: Date.parse(event.recordedAt), canary: canaryIn(state) };
  });
}
