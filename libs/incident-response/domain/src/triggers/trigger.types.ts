import type { IncidentSeverity, TriggerEvidence, TriggerKind } from '@edict/contracts';

/** A threshold a window crossed, what the runbook says to do about it, and how bad it is. */
export interface Trigger extends TriggerEvidence {
  readonly kind: TriggerKind;
  readonly severity: IncidentSeverity;
  readonly summary: string;
}

/** One row of the runbook's rollback decision matrix: from this age on, errors above this rate trigger. */
export interface ErrorRateBand {
  readonly fromAgeMs: number;
  readonly maxErrorRate: number;
}

/**
 * Auto-rollback limits. Rates are fractions; cost is the relative increase of the declared cost
 * per decision (`costSum / total`) against the stable version's, never evaluation time.
 */
export interface TriggerThresholds {
  /** below this many decisions a window triggers nothing: its rates are noise */
  readonly minSampleSize: number;
  /** ascending by age; the last band that the bundle's age reached applies */
  readonly errorRateBands: readonly ErrorRateBand[];
  readonly maxDenyRate: number;
  readonly maxCostIncrease: number;
  readonly maxNoMatchRate: number;
  /** from this age on a trigger asks a human to investigate instead of rolling back */
  readonly autoRollbackMaxAgeMs: number;
  /** the policy's declared cost allowed per UTC day; null: no budget, no budget alert */
  readonly dailyCostBudget: number | null;
  /** the budget alert fires when the day's cost reaches this share of the budget (runbook: 0.8) */
  readonly budgetAlertRatio: number;
}

const HOUR = 60 * 60 * 1000;

/**
 * The runbook's thresholds ("Auto-Rollback Scenarios" and the "Rollback Decision Matrix"):
 * errors > 5% under 2 h, > 10% from 2 h, > 15% from 12 h, > 20% from 24 h; denies > 50%;
 * cost > +50%; no-match > 20%; automatic rollback only under 24 h; the budget alert at 80% of
 * the daily budget ("PolicyBudgetHigh"), no budget unless one is set.
 *
 * minSampleSize = 100, the runbook's own `min_sample_size` for gates: with fewer decisions one
 * or two errors swing the rate past any threshold (1 error in 2 decisions is 50%). At 100, a
 * version with a true 2% error rate shows more than 5 errors (the strictest band) only about
 * 1.5% of the time, so young bundles are not rolled back on noise.
 */
export const defaultTriggerThresholds: TriggerThresholds = {
  minSampleSize: 100,
  errorRateBands: [
    { fromAgeMs: 0, maxErrorRate: 0.05 },
    { fromAgeMs: 2 * HOUR, maxErrorRate: 0.1 },
    { fromAgeMs: 12 * HOUR, maxErrorRate: 0.15 },
    { fromAgeMs: 24 * HOUR, maxErrorRate: 0.2 },
  ],
  maxDenyRate: 0.5,
  maxCostIncrease: 0.5,
  maxNoMatchRate: 0.2,
  autoRollbackMaxAgeMs: 24 * HOUR,
  dailyCostBudget: null,
  budgetAlertRatio: 0.8,
};
