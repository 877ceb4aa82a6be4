import { ValidationError } from '@edict/core';
import { costIncrease } from './gate.cost';
import { evaluateGate } from './gate.evaluator';
import type { GateThresholds, GateVerdict, WindowTotals } from './gate.types';

/** One row of the gate table: what was measured against what is allowed. */
export interface GateRow {
  readonly gate: 'decisions' | 'error-rate' | 'deny-rate' | 'cost' | 'soak';
  /** null when not measurable (no stable or no declared cost to compare cost with, or no decisions for a rate) */
  readonly value: number | null;
  readonly threshold: number;
  readonly window: string;
  readonly passed: boolean;
}

export interface GateReport extends GateVerdict {
  readonly gates: readonly GateRow[];
  readonly decisionsCounted: number;
  readonly soakRemainingMs: number;
}

const rate = (n: number, total: number): number | null => (total === 0 ? null : n / total);

/**
 * The gates one by one (the verdict is `evaluateGate`'s): rates are skipped (pass, value shown)
 * below the minimum count, cost only with a stable version to compare the declared cost per
 * decision with (costIncrease).
 */
export const gateReport = (stats: { readonly canary: WindowTotals; readonly stable?: WindowTotals }, t: GateThresholds, stepStartedAt: string, now: string): GateReport => {
  const verdict = evaluateGate(stats, t, stepStartedAt, now);
  const { canary, stable } = stats;
  const window = `since ${stepStartedAt}`;
  const enough = canary.total > 0 && canary.total >= t.minDecisions;
  const errorRate = rate(canary.errors, canary.total);
  const denyRate = rate(canary.denies, canary.total);
  const cost = costIncrease(canary, stable);
  const soakedMs = Date.parse(now) - Date.parse(stepStartedAt);
  const gates: GateRow[] = [
    { gate: 'decisions', value: canary.total, threshold: t.minDecisions, window, passed: canary.total >= t.minDecisions },
    { gate: 'error-rate', value: errorRate, threshold: t.maxErrorRate, window, passed: !enough || (errorRate ?? 0) <= t.maxErrorRate },
    { gate: 'deny-rate', value: denyRate, threshold: t.maxDenyRate, window, passed: !enough || (denyRate ?? 0) <= t.maxDenyRate },
    { gate: 'cost', value: cost, threshold: t.maxCostIncrease, window: `${window}, against stable`, passed: !enough || cost === null || cost <= t.maxCostIncrease },
    { gate: 'soak', value: Math.max(0, soakedMs), threshold: t.soakMs, window: `step started ${stepStartedAt}`, passed: soakedMs >= t.soakMs },
  ];
  return { ...verdict, gates, decisionsCounted: canary.total, soakRemainingMs: Math.max(0, t.soakMs - soakedMs) };
};

/** Supplied metrics (check-gates): counts are whole and non-negative, errors and denies within the total. */
export const requirePlausibleTotals = (totals: WindowTotals, what: string): void => {
  const counts = [totals.total, totals.errors, totals.denies];
  const nonNegative = (n: number): boolean => Number.isFinite(n) && n >= 0;
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0) || !nonNegative(totals.meanEvaluationNs) || !(totals.costSum === undefined || nonNegative(totals.costSum))) {
    throw new ValidationError('GATE.METRICS_INVALID', `${what}: counts must be whole numbers ≥ 0, the mean evaluation time and the cost ≥ 0`);
  }
  if (totals.errors > totals.total || totals.denies > totals.total) {
    throw new ValidationError('GATE.METRICS_INVALID', `${what}: errors and denies cannot exceed the decisions (rates over 100%)`);
  }
};
