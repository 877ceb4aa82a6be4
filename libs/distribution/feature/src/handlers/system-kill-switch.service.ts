import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type KillSwitchMode } from '@edict/contracts';
import { NotFoundError, type Clock } from '@edict/core';
import { rolloutDecider, type TrackedRollout } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import type { Principal } from '@edict/service-kit';
import { ReleasesRepository } from '../store/releases.repository';

type Skipped = { readonly policyId: string; readonly why: string };
export interface SystemChange { readonly changed: readonly string[]; readonly skipped: readonly Skipped[] }

/**
 * The system-wide kill switch: one PolicyDisabled (`system: true`) per rolled-out policy, so every
 * PDP follows through the rollout events it already reacts to; enable undoes only those.
 */
@Injectable()
export class SystemKillSwitchService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly releases: ReleasesRepository,
  ) {}

  async disable(who: Principal, mode: KillSwitchMode, reason: string, policies?: readonly string[]): Promise<SystemChange> {
    const at = this.clock.now().toISOString();
    return this.apply(policies, (s) => (s.killSwitch ? `already disabled (${s.killSwitch.mode})` : null), (id) =>
      decideAndAppend(this.store, StreamIds.rollout(id), rolloutDecider, { type: 'DisablePolicy', data: { mode, reason, by: who.subject, roles: who.roles, at, system: true } }, { metadata: eventMetadata(who.subject) }));
  }

  async enable(who: Principal, reason: string, policies?: readonly string[]): Promise<SystemChange> {
    const at = this.clock.now().toISOString();
    const why = (s: TrackedRollout): string | null => (!s.killSwitch ? 'not disabled' : !s.killSwitch.system ? `disabled on its own by ${s.killSwitch.disabledBy}; enable it per policy` : null);
    return this.apply(policies, why, (id) =>
      decideAndAppend(this.store, StreamIds.rollout(id), rolloutDecider, { type: 'EnablePolicy', data: { reason, by: who.subject, roles: who.roles, at, system: true } }, { metadata: eventMetadata(who.subject) }));
  }

  /** Every rolled-out policy with its kill switch (null when serving). */
  async status(): Promise<{ readonly policies: readonly { policyId: string; killSwitch: TrackedRollout['killSwitch'] }[]; readonly disabled: number }> {
    const tracked = await this.tracked(await this.releases.policyIds());
    const policies = tracked.map((s) => ({ policyId: s.policyId, killSwitch: s.killSwitch }));
    return { policies, disabled: policies.filter((p) => p.killSwitch).length };
  }

  /** Named policies must all exist (or nothing changes); the rest are decided one by one. */
  private async apply(named: readonly string[] | undefined, skip: (s: TrackedRollout) => string | null, run: (policyId: string) => Promise<unknown>): Promise<SystemChange> {
    const ids = named ?? (await this.releases.policyIds());
    const states = await this.tracked(ids);
    const missing = ids.filter((id) => !states.some((s) => s.policyId === id));
    if (named && missing.length > 0) throw new NotFoundError('SYSTEM.POLICY_UNKNOWN', `never rolled out: ${missing.join(', ')}`, { missing });
    const changed: string[] = [];
    const skipped: Skipped[] = [];
    for (const state of states) {
      const why = skip(state);
      if (why) skipped.push({ policyId: state.policyId, why });
      else { await run(state.policyId); changed.push(state.policyId); }
    }
    return { changed, skipped };
  }

  private async tracked(ids: readonly string[]): Promise<TrackedRollout[]> {
    const states = await Promise.all(ids.map(async (id) => (await loadState(this.store, StreamIds.rollout(id), rolloutDecider)).state));
    return states.filter((s): s is TrackedRollout => s.status === 'tracked');
  }
}
