import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type DecisionWindowClosed, type RolloutStarted } from '@edict/contracts';
import { evaluateTriggers, incidentIdFor } from '@edict/incident-response-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { IncidentCommandsService } from './incident-commands.service';
import { IncidentsRepository } from '../store/incidents.repository';

/**
 * Weighs each closed decision window against the auto-rollback triggers. A stable window also
 * becomes the cost baseline for its policy's canaries. Each trigger opens an incident whose id
 * derives from the window, so a redelivered window opens nothing new.
 */
@Injectable()
export class EvaluateWindowHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly incidents: IncidentsRepository,
    private readonly commands: IncidentCommandsService,
  ) {}

  async handle(window: DecisionWindowClosed['data']): Promise<void> {
    const baseline = window.canary ? await this.incidents.baseline(window.policyId) : undefined;
    if (!window.canary && window.total > 0) {
      await this.incidents.saveBaseline(window.policyId, window.version, window.meanEvaluationNs, window.windowEnd);
    }
    const activeForMs = Date.parse(window.windowEnd) - (await this.activeSince(window.policyId, window.version, window.windowEnd));
    for (const trigger of evaluateTriggers(window, baseline, { activeForMs })) {
      const incidentId = incidentIdFor(window.policyId, window.version, trigger.kind, window.windowStart);
      await this.commands.open({ incidentId, policyId: window.policyId, version: window.version, trigger, severity: trigger.severity, at: window.windowEnd });
    }
  }

  /** When the version started rolling out (from distribution's stream); the window's end if unknown. */
  private async activeSince(policyId: string, version: string, fallback: string): Promise<number> {
    const events = await this.store.readStream(StreamIds.rollout(policyId));
    const started = events.find((e) => e.type === 'RolloutStarted' && (e.data as RolloutStarted['data']).version === version);
    return Date.parse(started ? (started.data as RolloutStarted['data']).startedAt : fallback);
  }
}
