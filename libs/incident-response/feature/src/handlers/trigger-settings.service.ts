import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@edict/core';
import {
  applyTriggerSettings, defaultTriggerThresholds, triggerSettingsDecider, triggerSettingsFromEnv, triggerSettingsStream,
  type TriggerSettings, type TriggerThresholds,
} from '@edict/incident-response-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';

export interface TriggerSettingsView {
  readonly policyId: string;
  readonly settings: TriggerSettings;
  readonly environment: TriggerSettings;
  readonly effective: TriggerThresholds;
}

/**
 * The thresholds a policy's windows are weighed against: the runbook's defaults, then the
 * environment's `EDICT_TRIGGER_*` (read once; a bad value stops the service at start), then the
 * policy's own settings (`PUT /v1/trigger-settings/{policyId}`, on a `triggersettings-` stream).
 */
@Injectable()
export class TriggerSettingsService {
  private readonly env: TriggerSettings = triggerSettingsFromEnv(process.env);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  async forPolicy(policyId: string): Promise<TriggerSettings> {
    return (await loadState(this.store, triggerSettingsStream(policyId), triggerSettingsDecider)).state;
  }

  async thresholds(policyId: string): Promise<TriggerThresholds> {
    return applyTriggerSettings(defaultTriggerThresholds, this.env, await this.forPolicy(policyId));
  }

  async view(policyId: string): Promise<TriggerSettingsView> {
    const settings = await this.forPolicy(policyId);
    return { policyId, settings, environment: this.env, effective: applyTriggerSettings(defaultTriggerThresholds, this.env, settings) };
  }

  async set(policyId: string, settings: unknown, by: string): Promise<TriggerSettingsView> {
    await decideAndAppend(this.store, triggerSettingsStream(policyId), triggerSettingsDecider,
      { type: 'SetTriggerSettings', data: { policyId, settings, by, at: this.clock.now().toISOString() } }, { metadata: eventMetadata(by) });
    return this.view(policyId);
  }
}
