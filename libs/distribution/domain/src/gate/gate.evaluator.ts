import { ValidationError } from '@edict/core';
import { costIncrease } from './gate.cost';
import type { GateThresholds, GateVerdict, WindowTotals } from './gate.types';

const pct = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

const millis = (iso: string, what: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ValidationError('GATE.TIME_INVALID', `${what} is not an ISO timestamp: "${iso}"`);
  return ms;
};

/** Declared cost per decision against stable (costIncrease); skipped when not comparable. */
const costReason = (canary: WindowTotals, stable: WindowTotals | undefined, max: number): string | null => {
  const increase = costIncrease(canary, stable);
  return increase !== null && increase > max ? `cost per decision +${pct(increase)} against stable exceeds +${pct(max)}` : null;
};

/** The rate gates; skipped below the minimum count, where a rate is noise, not evidence. */
const rateReasons = (canary: WindowTotals, stable: WindowTotals | undefined, t: GateThresholds): string[] => {
  if (canary.total === 0 || canary.total < t.minDecisions) return [];
  const errorRate = canary.errors / canary.total;
  const denyRate = canary.denies / canary.total;
  return [
    errorRate > t.maxErrorRate ? `error rate ${pct(errorRate)} exceeds ${pct(t.maxErrorRate)}` : null,
    denyRate > t.maxDenyRate ? `deny rate ${pct(denyRate)} exceeds ${pct(t.maxDenyRate)}` : null,
    costReason(canary, stable, t.maxCostIncrease),
  ].filter((r): r is string => r !== null);
};

/**
 * Whether the canary's current step may be promoted: enough decisions, rates within limits,
 * declared cost per decision within limits against stable (skipped on a first rollout, which has
 * no stable to compare to, and without declared costs), and the step soaked long enough. `stepStartedAt` and `now` are ISO timestamps; time comes in.
 */
export const evaluateGate = (
  stats: { readonly canary: WindowTotals; readonly stable?: WindowTotals },
  thresholds: GateThresholds,
  stepStartedAt: string,
  now: string,
): GateVerdict => {
  const soakedMs = millis(now, 'now') - millis(stepStartedAt, 'stepStartedAt');
  const { canary, stable } = stats;
  const reasons = [
    ...(canary.total < thresholds.minDecisions ? [`${canary.total} decisions, fewer than the ${thresholds.minDecisions} required`] : []),
    ...rateReasons(canary, stable, thresholds),
    ...(soakedMs < thresholds.soakMs ? [`soaked ${Math.max(0, Math.floor(soakedMs / 60000))} min of the ${Math.ceil(thresholds.soakMs / 60000)} min required`] : []),
  ];
  return { passed: reasons.length === 0, reasons };
};
