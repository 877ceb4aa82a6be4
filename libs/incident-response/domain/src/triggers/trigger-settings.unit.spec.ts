import { ValidationError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { applyTriggerSettings, parseTriggerSettings, triggerSettingsFromEnv } from './trigger-settings';
import { triggerSettingsDecider } from './trigger-settings.decider';
import { defaultTriggerThresholds } from './trigger.types';

describe('trigger settings', () => {
  it('keeps the runbook defaults when nothing is set', () => {
    expect(applyTriggerSettings(defaultTriggerThresholds, triggerSettingsFromEnv({}), {})).toEqual(defaultTriggerThresholds);
  });

  it('layers env over the defaults and the policy over env', () => {
    const env = triggerSettingsFromEnv({ EDICT_TRIGGER_MAX_DENY_RATE: '0.3', EDICT_TRIGGER_MIN_SAMPLE_SIZE: '20', EDICT_TRIGGER_ERROR_RATES: '0.01, 0.02,0.03,0.04' });
    const t = applyTriggerSettings(defaultTriggerThresholds, env, { maxDenyRate: 0.9, dailyCostBudget: 500, autoRollbackMaxAgeHours: 1 });
    expect(t).toMatchObject({ maxDenyRate: 0.9, minSampleSize: 20, dailyCostBudget: 500, autoRollbackMaxAgeMs: 3_600_000 });
    expect(t.errorRateBands.map((b) => b.maxErrorRate)).toEqual([0.01, 0.02, 0.03, 0.04]);
    expect(t.errorRateBands.map((b) => b.fromAgeMs)).toEqual(defaultTriggerThresholds.errorRateBands.map((b) => b.fromAgeMs));
  });

  it.each([
    [{ maxDenyRate: 1.5 }], [{ maxDenyRate: 'high' }], [{ minSampleSize: 2.5 }], [{ errorRates: [0.1, 0.2] }],
    [{ dailyCostBudget: -1 }], [{ maxDenyRatio: 0.2 }], [[]], [null],
  ])('refuses %j with TRIGGER.SETTINGS_INVALID', (input) => {
    expect(() => parseTriggerSettings(input)).toThrow(ValidationError);
    try { parseTriggerSettings(input); } catch (e) { expect((e as ValidationError).code).toBe('TRIGGER.SETTINGS_INVALID'); }
  });

  it('refuses an environment variable that is not a number', () => {
    expect(() => triggerSettingsFromEnv({ EDICT_TRIGGER_MAX_DENY_RATE: 'half' })).toThrow(ValidationError);
  });

  it('given settings, when a policy sets new ones, then the new ones replace them (an event in the audit trail)', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const state = deciderSpec(triggerSettingsDecider)
      .given([{ type: 'TriggerSettingsChanged', data: { policyId: 'org/p', settings: { maxDenyRate: 0.3 }, changedBy: 'alice', changedAt: at } }])
      .when({ type: 'SetTriggerSettings', data: { policyId: 'org/p', settings: { dailyCostBudget: 100 }, by: 'bob', at } })
      .then([{ type: 'TriggerSettingsChanged', data: { policyId: 'org/p', settings: { dailyCostBudget: 100 }, changedBy: 'bob', changedAt: at } }]);
    expect(state).toEqual({ dailyCostBudget: 100 });
    deciderSpec(triggerSettingsDecider).given([]).when({ type: 'SetTriggerSettings', data: { policyId: 'org/p', settings: { maxDenyRate: 2 }, by: 'bob', at } })
      .thenThrows('TRIGGER.SETTINGS_INVALID', ValidationError);
  });
});
