import type { WindowTotals } from './gate.types';

/** Declared cost per decision (`costSum / total`); undefined without decisions or a declared cost. */
export const costPerDecision = (t: WindowTotals): number | undefined =>
  t.costSum === undefined || t.total === 0 ? undefined : t.costSum / t.total;

/**
 * The canary's declared cost per decision against stable's, as a relative increase (0.2 = +20 %),
 * the same measure incident-response's cost trigger uses. null when it cannot be compared: no
 * stable (a first rollout), or either side without decisions or a declared cost, or a stable that
 * costs nothing. Evaluation time is never cost: its noise must not hold a canary back.
 */
export const costIncrease = (canary: WindowTotals, stable: WindowTotals | undefined): number | null => {
  const mine = costPerDecision(canary);
  const base = stable ? costPerDecision(stable) : undefined;
  return mine === undefined || base === undefined || base <= 0 ? null : mine / base - 1;
};
