import { defaultGateThresholds, type GateThresholds } from '@edict/distribution-domain';

const number = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not '${raw}'`);
  return value;
};

/** Gate thresholds: the runbook's defaults, each overridable (`EDICT_GATE_*`, soak in seconds). */
export function gateThresholdsFromEnv(env: NodeJS.ProcessEnv = process.env): GateThresholds {
  const d = defaultGateThresholds;
  return {
    minDecisions: number(env, 'EDICT_GATE_MIN_DECISIONS', d.minDecisions),
    maxErrorRate: number(env, 'EDICT_GATE_MAX_ERROR_RATE', d.maxErrorRate),
    maxDenyRate: number(env, 'EDICT_GATE_MAX_DENY_RATE', d.maxDenyRate),
    maxCostIncrease: number(env, 'EDICT_GATE_MAX_COST_INCREASE', d.maxCostIncrease),
    soakMs: number(env, 'EDICT_GATE_SOAK_SECONDS', d.soakMs / 1000) * 1000,
  };
}
