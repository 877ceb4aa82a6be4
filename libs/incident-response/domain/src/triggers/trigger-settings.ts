import { ValidationError } from '@edict/core';
import type { TriggerThresholds } from './trigger.types';

const HOUR = 3_600_000;
const INVALID = 'TRIGGER.SETTINGS_INVALID';

/**
 * What a user may set, per environment (`EDICT_TRIGGER_*`) or per policy (the settings API):
 * every field optional; what is not set keeps the value below it (runbook default ← env ← policy).
 * `errorRates` are the decision matrix's four rows: [< 2 h, 2–12 h, 12–24 h, ≥ 24 h].
 */
export interface TriggerSettings {
  readonly minSampleSize?: number;
  readonly errorRates?: readonly [number, number, number, number];
  readonly maxDenyRate?: number;
  readonly maxCostIncrease?: number;
  readonly maxNoMatchRate?: number;
  readonly autoRollbackMaxAgeHours?: number;
  readonly dailyCostBudget?: number | null;
}

const rate = (name: string, v: unknown): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) throw new ValidationError(INVALID, `${name} must be a fraction between 0 and 1`, { field: name });
  return v;
};
const positive = (name: string, v: unknown, integer = false): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
    throw new ValidationError(INVALID, `${name} must be a ${integer ? 'whole ' : ''}number >= 0`, { field: name });
  }
  return v;
};

const KNOWN = ['minSampleSize', 'errorRates', 'maxDenyRate', 'maxCostIncrease', 'maxNoMatchRate', 'autoRollbackMaxAgeHours', 'dailyCostBudget'];

/** Checks settings sent by a user; unknown fields and out-of-range values are refused (TRIGGER.SETTINGS_INVALID). */
export const parseTriggerSettings = (input: unknown): TriggerSettings => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ValidationError(INVALID, 'trigger settings must be an object');
  const o = input as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !KNOWN.includes(k));
  if (unknown.length > 0) throw new ValidationError(INVALID, `unknown trigger settings: ${unknown.join(', ')}`, { fields: unknown });
  const out: { -readonly [K in keyof TriggerSettings]: TriggerSettings[K] } = {};
  if (o['minSampleSize'] !== undefined) out.minSampleSize = positive('minSampleSize', o['minSampleSize'], true);
  if (o['errorRates'] !== undefined) {
    const e = o['errorRates'];
    if (!Array.isArray(e) || e.length !== 4) throw new ValidationError(INVALID, 'errorRates must be 4 fractions: < 2 h, 2–12 h, 12–24 h, ≥ 24 h', { field: 'errorRates' });
    out.errorRates = [rate('errorRates[0]', e[0]), rate('errorRates[1]', e[1]), rate('errorRates[2]', e[2]), rate('errorRates[3]', e[3])];
  }
  if (o['maxDenyRate'] !== undefined) out.maxDenyRate = rate('maxDenyRate', o['maxDenyRate']);
  if (o['maxNoMatchRate'] !== undefined) out.maxNoMatchRate = rate('maxNoMatchRate', o['maxNoMatchRate']);
  if (o['maxCostIncrease'] !== undefined) out.maxCostIncrease = positive('maxCostIncrease', o['maxCostIncrease']);
  if (o['autoRollbackMaxAgeHours'] !== undefined) out.autoRollbackMaxAgeHours = positive('autoRollbackMaxAgeHours', o['autoRollbackMaxAgeHours']);
  if (o['dailyCostBudget'] !== undefined) out.dailyCostBudget = o['dailyCostBudget'] === null ? null : positive('dailyCostBudget', o['dailyCostBudget']);
  return out;
};

const ENV: Readonly<Record<string, string>> = {
  EDICT_TRIGGER_MIN_SAMPLE_SIZE: 'minSampleSize',
  EDICT_TRIGGER_MAX_DENY_RATE: 'maxDenyRate',
  EDICT_TRIGGER_MAX_COST_INCREASE: 'maxCostIncrease',
  EDICT_TRIGGER_MAX_NO_MATCH_RATE: 'maxNoMatchRate',
  EDICT_TRIGGER_AUTO_ROLLBACK_MAX_AGE_HOURS: 'autoRollbackMaxAgeHours',
  EDICT_TRIGGER_DAILY_COST_BUDGET: 'dailyCostBudget',
};

/** The environment's settings: the variables above, and `EDICT_TRIGGER_ERROR_RATES=0.05,0.1,0.15,0.2`. */
export const triggerSettingsFromEnv = (env: Readonly<Record<string, string | undefined>>): TriggerSettings => {
  const raw: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(ENV)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') raw[field] = Number(value);
  }
  const rates = env['EDICT_TRIGGER_ERROR_RATES'];
  if (rates !== undefined && rates.trim() !== '') raw['errorRates'] = rates.split(',').map((r) => Number(r.trim()));
  return parseTriggerSettings(raw);
};

/** The thresholds that apply: `base` with each layer of settings over it, in order. */
export const applyTriggerSettings = (base: TriggerThresholds, ...layers: readonly TriggerSettings[]): TriggerThresholds =>
  layers.reduce<TriggerThresholds>((t, s) => ({
    ...t,
    ...(s.minSampleSize !== undefined ? { minSampleSize: s.minSampleSize } : {}),
    ...(s.errorRates !== undefined ? { errorRateBands: t.errorRateBands.map((band, i) => ({ ...band, maxErrorRate: s.errorRates?.[i] ?? band.maxErrorRate })) } : {}),
    ...(s.maxDenyRate !== undefined ? { maxDenyRate: s.maxDenyRate } : {}),
    ...(s.maxCostIncrease !== undefined ? { maxCostIncrease: s.maxCostIncrease } : {}),
    ...(s.maxNoMatchRate !== undefined ? { maxNoMatchRate: s.maxNoMatchRate } : {}),
    ...(s.autoRollbackMaxAgeHours !== undefined ? { autoRollbackMaxAgeMs: s.autoRollbackMaxAgeHours * HOUR } : {}),
    ...(s.dailyCostBudget !== undefined ? { dailyCostBudget: s.dailyCostBudget } : {}),
  }), base);
