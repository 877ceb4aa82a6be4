import { ValidationError, type Command, type Decider, type DomainEvent } from '@edict/core';
import { parseTriggerSettings, type TriggerSettings } from './trigger-settings';

/**
 * A policy's trigger settings live on a `triggersettings-<policyId>` stream (incident-response's,
 * not published): every change is an event in the audit trail; the last one applies.
 */
export type TriggerSettingsChanged = DomainEvent<'TriggerSettingsChanged', {
  readonly policyId: string;
  readonly settings: TriggerSettings;
  readonly changedBy: string;
  readonly changedAt: string;
}>;
export type SetTriggerSettings = Command<'SetTriggerSettings', { readonly policyId: string; readonly settings: unknown; readonly by: string; readonly at: string }>;

export const triggerSettingsStream = (policyId: string): string => `triggersettings-${policyId}`;

export const triggerSettingsDecider: Decider<SetTriggerSettings, TriggerSettingsChanged, TriggerSettings> = {
  initialState: () => ({}),
  decide: ({ data }) => {
    if (data.policyId.trim() === '') throw new ValidationError('TRIGGER.SETTINGS_INVALID', 'a policy id is required');
    const settings = parseTriggerSettings(data.settings);
    return [{ type: 'TriggerSettingsChanged', data: { policyId: data.policyId, settings, changedBy: data.by, changedAt: data.at } }];
  },
  evolve: (_state, event) => event.data.settings,
};
