import type { DecisionWindowClosed, IncidentSeverity, TriggerAction, TriggerKind } from '@edict/contracts';
import { actionForAge, errorRateBandFor, normalizedAge } from './age-matrix';
import { defaultTriggerThresholds, type Trigger, type TriggerThresholds } from './trigger.types';

type Window = DecisionWindowClosed['data'];

const pct = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

/**
 * P0 in the runbook ("Policy Causing Production Impact") is high error rates (> 10%) or mass
 * denials outside the canary, i.e. in the cohorts everyone is in. Everything else auto-rollback
 * opens is HIGH ("Auto-Rollback Creates: HIGH severity incident"); a canary is contained.
 */
const severityOf = (kind: TriggerKind, observed: number, canary: boolean): IncidentSeverity =>
  !canary && ((kind === 'error_rate' && observed > 0.1) || kind === 'deny_rate') ? 'critical' : 'high';

interface Crossing {
  readonly kind: TriggerKind;
  readonly observed: number;
  readonly threshold: number;
  readonly label: string;
}

/** The declared cost per decision of a window, or undefined when decision-log sent no cost sum. */
export const costPerDecision = (w: Window): number | undefined =>
  w.costSum === undefined || w.total === 0 ? undefined : w.costSum / w.total;

/** The baseline of the cost trigger: the stable version's declared cost per decision. */
export interface CostBaseline {
  readonly costPerDecision: number;
}

/**
 * Every threshold the window crossed (strictly above, as the runbook says ">"). Cost is the
 * declared cost (`costSum`), compared per decision with the baseline; evaluation time never is.
 */
const crossings = (w: Window, baseline: CostBaseline | undefined, ageMs: number, t: TriggerThresholds): Crossing[] => {
  const band = errorRateBandFor(ageMs, t.errorRateBands);
  const perDecision = costPerDecision(w);
  const cost = perDecision !== undefined && baseline !== undefined && baseline.costPerDecision > 0 ? perDecision / baseline.costPerDecision - 1 : undefined;
  const all: (Crossing | null)[] = [
    { kind: 'error_rate', observed: w.errors / w.total, threshold: band.maxErrorRate, label: 'error rate' },
    { kind: 'deny_rate', observed: w.denies / w.total, threshold: t.maxDenyRate, label: 'deny rate' },
    cost === undefined ? null : { kind: 'cost', observed: cost, threshold: t.maxCostIncrease, label: 'cost increase against baseline' },
    { kind: 'no_match', observed: w.noMatches / w.total, threshold: t.maxNoMatchRate, label: 'no-match rate' },
  ];
  return all.filter((c): c is Crossing => c !== null && c.observed > c.threshold);
};

/**
 * The auto-rollback triggers a closed window fires, weighed by the bundle's age as in the
 * runbook's decision matrix (see age-matrix.ts). Windows below `minSampleSize` fire nothing;
 * the cost trigger needs a declared cost (`costSum`) and a baseline (the stable version's cost
 * per decision).
 */
export const evaluateTriggers = (
  window: Window,
  baseline: CostBaseline | undefined,
  bundleAge: { readonly activeForMs: number },
  thresholds: TriggerThresholds = defaultTriggerThresholds,
): Trigger[] => {
  const ageMs = normalizedAge(bundleAge.activeForMs);
  if (window.total < thresholds.minSampleSize || window.total === 0) return [];
  const action: TriggerAction = actionForAge(ageMs, thresholds);
  const ageHours = (ageMs / 3_600_000).toFixed(1);
  return crossings(window, baseline, ageMs, thresholds).map((c) => ({
    kind: c.kind,
    observed: c.observed,
    threshold: c.threshold,
    action,
    sampleSize: window.total,
    canary: window.canary,
    severity: severityOf(c.kind, c.observed, window.canary),
    summary: `${window.policyId}@${window.version}${window.canary ? ' (canary)' : ''}: ${c.label} ${pct(c.observed)} > ${pct(c.threshold)} over ${window.total} decisions, bundle active ${ageHours} h → ${action}`,
  }));
};

/**
 * The runbook's PolicyBudgetHigh: the day's declared cost reached `budgetAlertRatio` (80%) of the
 * policy's daily budget. A warning (MEDIUM, investigate): it never rolls back by itself.
 */
export const evaluateBudget = (window: Window, dayCost: number, thresholds: TriggerThresholds): Trigger | null => {
  const budget = thresholds.dailyCostBudget;
  if (budget === null || budget <= 0) return null;
  const used = dayCost / budget;
  if (used < thresholds.budgetAlertRatio) return null;
  return {
    kind: 'budget', observed: used, threshold: thresholds.budgetAlertRatio, action: 'investigate', sampleSize: window.total, canary: window.canary, severity: 'medium',
    summary: `${window.policyId}: cost ${dayCost} is ${pct(used)} of the daily budget ${budget} (alert at ${pct(thresholds.budgetAlertRatio)})`,
  };
};
