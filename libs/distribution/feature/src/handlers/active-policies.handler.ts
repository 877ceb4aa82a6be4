import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type RolloutEvent } from '@edict/contracts';
import { foldEvents, type Clock } from '@edict/core';
import { rolloutActivity, rolloutDecider, type RolloutChange, type TrackedRollout } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK } from '@edict/messaging';
import { ReleasesRepository } from '../store/releases.repository';

interface Active { readonly version: string; readonly since: string | null; readonly activeForSeconds: number | null }

/** One policy as the runbook's first emergency step needs it: what serves, since when, the last change. */
export interface PolicyRollout {
  readonly policyId: string;
  readonly revision: number;
  readonly stable: Active | null;
  readonly canary: (Active & { readonly percentage: number; readonly paused: boolean }) | null;
  readonly pinned: { readonly version: string; readonly reason: string; readonly pinnedBy: string } | null;
  readonly killSwitch: TrackedRollout['killSwitch'];
  /** the share of cohorts the canary gets now: 0 while pinned or disabled */
  readonly canaryShare: number;
  readonly lastChange: RolloutChange | null;
}

/** `GET /v1/rollouts`: every rolled-out policy; `activeOnly` keeps those where some version serves. */
@Injectable()
export class ActivePoliciesHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly releases: ReleasesRepository,
  ) {}

  async list(activeOnly: boolean): Promise<{ readonly items: readonly PolicyRollout[] }> {
    const all = await Promise.all((await this.releases.policyIds()).map((id) => this.of(id)));
    const items = all.filter((p): p is PolicyRollout => p !== null && (!activeOnly || p.stable !== null || p.canary !== null || p.pinned !== null));
    return { items };
  }

  private async of(policyId: string): Promise<PolicyRollout | null> {
    const events = (await this.store.readStream(StreamIds.rollout(policyId))).map((e) => ({ type: e.type, data: e.data }) as RolloutEvent);
    const state = foldEvents(rolloutDecider, events);
    if (state.status !== 'tracked') return null;
    const { stableSince, canarySince, lastChange } = rolloutActivity(events);
    const now = this.clock.now().getTime();
    const active = (version: string, since: string | null): Active => ({ version, since, activeForSeconds: since ? Math.max(0, Math.floor((now - Date.parse(since)) / 1000)) : null });
    const { canary, pin, killSwitch } = state;
    return {
      policyId,
      revision: events.length - 1,
      stable: state.stable ? active(state.stable.version, stableSince) : null,
      canary: canary ? { ...active(canary.version, canarySince), percentage: canary.percentage, paused: canary.paused } : null,
      pinned: pin ? { version: pin.version, reason: pin.reason, pinnedBy: pin.pinnedBy } : null,
      killSwitch,
      canaryShare: canary && !pin && !killSwitch ? canary.percentage : 0,
      lastChange,
    };
  }
}
