import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type DecisionWindowClosed, type RolloutEvent } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { costPerDecision, evaluateBudget, evaluateTriggers, findingKey, type Trigger, type WindowRef } from '@edict/incident-response-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK } from '@edict/messaging';
import { IncidentCommandsService } from './incident-commands.service';
import { IncidentIdsService } from './incident-ids.service';
import { TriggerSettingsService } from './trigger-settings.service';
import { CostsRepository, windowRevision } from '../store/costs.repository';
import { IncidentsRepository } from '../store/incidents.repository';
import { observeDailyCost } from '../incident-metrics';

type Window = DecisionWindowClosed['data'];

/** How the fast path (short sliding windows of decisions) asks: its own sample minimum, new problems only. */
export interface FastPathOptions {
  readonly minSampleSize: number;
  readonly label: string;
}
const RANK: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Weighs each closed decision window (or its correction) against the policy's thresholds. One
 * incident per rollout problem: when the version already has one (open, or rolled back), every
 * trigger is added to it as evidence; otherwise the most severe trigger opens an incident
 * (numbered INC-YYYY-NNNN, the rest become its evidence). Redelivered windows add nothing.
 * Opened, rollback requested and evidence added carry the time they happen (the rollback
 * deadline runs from the request); the window's own times stay in the events.
 */
@Injectable()
export class EvaluateWindowHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly incidents: IncidentsRepository,
    private readonly costs: CostsRepository,
    private readonly commands: IncidentCommandsService,
    private readonly ids: IncidentIdsService,
    private readonly settings: TriggerSettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The incident the window's triggers went to (opened or added to), if any. */
  async handle(window: Window, fast?: FastPathOptions): Promise<string | undefined> {
    const known = fast ? await this.incidents.problemOf(window.policyId, window.version) : undefined;
    if (known) return known;
    const configured = await this.settings.thresholds(window.policyId);
    const thresholds = fast ? { ...configured, minSampleSize: fast.minSampleSize } : configured;
    const perDecision = costPerDecision(window);
    const baseline = window.canary ? await this.costs.baseline(window.policyId) : undefined;
    if (!window.canary && perDecision !== undefined) await this.costs.saveBaseline(window, perDecision);
    if (window.costSum !== undefined) await this.checkBudget(window, await this.costs.recordAndSumDay(window, window.costSum), thresholds);
    const rollout = await this.store.readStream(StreamIds.rollout(window.policyId));
    const activeForMs = Date.parse(window.windowEnd) - this.activeSince(rollout, window);
    const triggers = evaluateTriggers(window, baseline, { activeForMs }, thresholds)
      .map((t) => (fast ? { ...t, summary: `${fast.label}: ${t.summary}` } : t))
      .sort((a, b) => (RANK[a.severity] ?? 9) - (RANK[b.severity] ?? 9));
    const [first, ...rest] = triggers;
    if (!first) return undefined;
    const ref: WindowRef = { windowStart: window.windowStart, windowEnd: window.windowEnd, revision: windowRevision(window) };
    const at = this.clock.now().toISOString();
    const existing = await this.incidents.problemOf(window.policyId, window.version);
    if (existing) {
      await this.attach(existing, triggers, ref, at);
      return existing;
    }
    const incidentId = await this.ids.idFor(findingKey(window.policyId, window.version, first.kind, window.windowStart), window.windowEnd);
    const canaryShare = this.shareOf(rollout, window.version);
    // a version already rolled back (by hand, before this window) is not asked for again: nothing would answer
    const gone = rollout.some((e) => e.type === 'BundleRolledBack' && (e.data as { fromVersion?: string }).fromVersion === window.version);
    await this.commands.open({
      incidentId, policyId: window.policyId, version: window.version, trigger: first, severity: first.severity, at, window: ref,
      ...(canaryShare !== undefined ? { canaryShare } : {}),
      ...(gone ? { requestRollback: false } : {}),
    });
    await this.attach(incidentId, rest, ref, at);
    return incidentId;
  }

  private async attach(incidentId: string, triggers: readonly Trigger[], window: WindowRef, at: string): Promise<void> {
    for (const trigger of triggers) await this.commands.addEvidence(incidentId, { trigger, window, at });
  }

  /** PolicyBudgetHigh: one incident per policy and UTC day, whatever the version. */
  private async checkBudget(window: Window, dayCost: number, thresholds: Parameters<typeof evaluateBudget>[2]): Promise<void> {
    observeDailyCost(window.policyId, dayCost, thresholds.dailyCostBudget);
    const trigger = evaluateBudget(window, dayCost, thresholds);
    if (!trigger) return;
    const day = window.windowStart.slice(0, 10);
    const incidentId = await this.ids.idFor(findingKey(window.policyId, '*', 'budget', `${day}T00:00:00.000Z`), window.windowEnd);
    // about the policy's spend on every version: version '*'
    await this.commands.open({ incidentId, policyId: window.policyId, version: '*', trigger, severity: trigger.severity, at: this.clock.now().toISOString(), requestRollback: false });
  }

  /** When the version started rolling out (distribution's stream); the window's end if unknown. */
  private activeSince(rollout: readonly { type: string; data: unknown }[], window: Window): number {
    const started = rollout.map((e) => e as unknown as RolloutEvent).find((e) => e.type === 'RolloutStarted' && e.data.version === window.version);
    return Date.parse(started?.type === 'RolloutStarted' ? started.data.startedAt : window.windowEnd);
  }

  /** The share of cohorts the version serves now (its last start or promotion). */
  private shareOf(rollout: readonly { type: string; data: unknown }[], version: string): number | undefined {
    let share: number | undefined;
    for (const e of rollout.map((x) => x as unknown as RolloutEvent)) {
      if (e.type === 'RolloutStarted' && e.data.version === version) share = e.data.percentage;
      if (e.type === 'RolloutPromoted' && e.data.version === version) share = e.data.to;
    }
    return share;
  }
}
