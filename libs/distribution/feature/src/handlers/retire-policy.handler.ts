import { Inject, Injectable } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { ValidationError, type Clock } from '@edict/core';
import { rolloutDecider } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import type { Principal } from '@edict/service-kit';
import { DecisionWindowsRepository } from '../store/decision-windows.repository';
import { rolloutView } from './rollout-view';
import { ServingProjection } from './serving-projection';
import type { RetiredRolloutDto } from '../http/retire.response';

const DAY_MS = 86_400_000;

/** `EDICT_RETIRE_QUIET_DAYS` (default 30): how long a policy must have served no decision before it retires unforced. */
export function retireQuietDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['EDICT_RETIRE_QUIET_DAYS'] ?? '30';
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0) throw new ValidationError('DISTRIBUTION.CONFIG_INVALID', `EDICT_RETIRE_QUIET_DAYS must be a whole number of days, not "${raw}"`);
  return days;
}

/**
 * `POST /v1/rollouts/{policyId}/retire`: counts the decisions of the quiet period in the decision
 * windows distribution keeps from decision-log (edict.decision-windows.v1, the gates' copy), then
 * the decider retires or refuses. Answers once the serving projection shows nothing for it.
 */
@Injectable()
export class RetirePolicyHandler {
  private readonly quietDays = retireQuietDaysFromEnv();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly windows: DecisionWindowsRepository,
    private readonly serving: ServingProjection,
  ) {}

  /** The quiet-period check alone (runbook: "confirm zero evaluations"): changes nothing. */
  async check(policyId: string): Promise<{ readonly policyId: string; readonly quietDays: number; readonly since: string; readonly recentDecisions: number; readonly lastDecisionWindowEnd: string | null; readonly quiet: boolean }> {
    const since = new Date(this.clock.now().getTime() - this.quietDays * DAY_MS).toISOString();
    const recent = await this.windows.decisionsSince(policyId, since);
    return { policyId, quietDays: this.quietDays, since, recentDecisions: recent.total, lastDecisionWindowEnd: recent.lastWindowEnd, quiet: recent.total === 0 };
  }

  async retire(policyId: string, who: Principal, reason: string, force: boolean): Promise<RetiredRolloutDto> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - this.quietDays * DAY_MS).toISOString();
    const recent = await this.windows.decisionsSince(policyId, since);
    const streamId = StreamIds.rollout(policyId);
    const command = { type: 'RetirePolicy' as const, data: { by: who.subject, roles: who.roles, reason, at: now.toISOString(), quietDays: this.quietDays, recentDecisions: recent.total, force } };
    const appended = await decideAndAppend(this.store, streamId, rolloutDecider, command, { metadata: eventMetadata(who.subject) });
    const { state, revision } = await loadState(this.store, streamId, rolloutDecider);
    if (appended.length > 0) await this.serving.caughtUp(policyId, revision);
    return { ...rolloutView(policyId, state, revision), recentDecisions: recent.total, lastDecisionWindowEnd: recent.lastWindowEnd, quietDays: this.quietDays };
  }
}
