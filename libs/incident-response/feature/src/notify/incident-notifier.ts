import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IncidentEscalated, IncidentOpened, IncidentRollbackCompleted } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { CLOCK } from '@edict/messaging';
import {
  DEFAULT_RUNBOOK_URL, genericBody, metricLabel, parseWebhooks, redactedUrl, slackBody, type ExistingIncident, type IncidentMessage, type WebhookConfig,
} from '@edict/incident-response-domain';
import { IncidentCommandsService } from '../handlers/incident-commands.service';
import { webhookDeliveries } from '../incident-metrics';
import { deliver, deliveryOptionsFromEnv, type DeliveryOptions } from './webhook-sender';

type Notified = IncidentOpened | IncidentEscalated | IncidentRollbackCompleted;

const ACTIONS: Readonly<Record<string, string>> = { rollback: 'Auto-rollback initiated', investigate: 'Investigate (bundle older than the auto-rollback age)' };

/**
 * Tells each webhook whose severities include the incident's: when it opens, when its rollback
 * failed (escalated to CRITICAL) and when its rollback completed. Fed by incident-response's own
 * edict.incidents.v1 (at least once, deduplicated by event id). A webhook that fails every
 * attempt is dead-lettered: IncidentNotificationFailed on the incident, counted.
 */
@Injectable()
export class IncidentNotifier {
  private readonly log = new Logger('IncidentNotifier');
  private readonly hooks: readonly WebhookConfig[] = parseWebhooks(process.env['EDICT_WEBHOOKS']);
  private readonly options: DeliveryOptions = deliveryOptionsFromEnv();
  private readonly runbook = process.env['EDICT_RUNBOOK_URL'] ?? DEFAULT_RUNBOOK_URL;
  /** events older than this are not notified (a new consumer group replays the topic from its start) */
  private readonly maxAgeMs = Number(process.env['EDICT_WEBHOOK_MAX_EVENT_AGE_SECONDS'] ?? 3600) * 1000;

  constructor(private readonly commands: IncidentCommandsService, @Inject(CLOCK) private readonly clock: Clock) {}

  async notify(event: Notified, eventTime?: string): Promise<void> {
    if (this.hooks.length === 0) return;
    if (eventTime !== undefined && this.clock.now().getTime() - Date.parse(eventTime) > this.maxAgeMs) return;
    const incident = await this.commands.get(event.data.incidentId);
    const message = this.messageFor(event, incident);
    for (const hook of this.hooks.filter((h) => h.severities.includes(message.severity))) {
      const result = await deliver(hook, hook.format === 'slack' ? slackBody(message) : genericBody(message), this.options, () => webhookDeliveries.inc({ outcome: 'retried' }));
      if (result.delivered) {
        webhookDeliveries.inc({ outcome: 'delivered' });
        continue;
      }
      webhookDeliveries.inc({ outcome: 'dead_lettered' });
      this.log.warn(`webhook ${redactedUrl(hook.url)} failed ${result.attempts} times for ${incident.incidentId}: ${result.lastError}`);
      await this.commands.recordNotificationFailure(incident.incidentId, { about: event.type, webhook: redactedUrl(hook.url), attempts: result.attempts, lastError: result.lastError });
    }
  }

  private messageFor(event: Notified, incident: ExistingIncident): IncidentMessage {
    const base = {
      incidentId: incident.incidentId, policyId: incident.policyId, version: incident.version, canaryShare: incident.canaryShare,
      metric: metricLabel(incident.trigger), runbook: this.runbook,
    };
    switch (event.type) {
      case 'IncidentOpened': {
        const { evidence, windowStart, windowEnd } = event.data;
        const durationSeconds = windowStart && windowEnd ? (Date.parse(windowEnd) - Date.parse(windowStart)) / 1000 : null;
        const action = incident.trigger === 'manual' ? 'Rolled back by hand' : evidence && incident.rollbackRequested ? ACTIONS[evidence.action] ?? evidence.action : 'Investigate';
        return { ...base, severity: event.data.severity, title: `${metricLabel(incident.trigger)} High`, observed: evidence?.observed ?? null, threshold: evidence?.threshold ?? null, durationSeconds, action };
      }
      case 'IncidentEscalated':
        return { ...base, severity: event.data.severity, title: 'Rollback Failed', observed: null, threshold: null, durationSeconds: null, action: `Escalated to CRITICAL: ${event.data.reason}; bypass the policy (kill switch), page the SRE lead` };
      case 'IncidentRollbackCompleted':
        return { ...base, severity: incident.severity, title: 'Rolled Back', observed: null, threshold: null, durationSeconds: (Date.parse(event.data.rolledBackAt) - Date.parse(incident.openedAt)) / 1000, action: `Rolled back to ${event.data.toVersion ?? 'nothing (no previous version)'}` };
    }
  }
}
