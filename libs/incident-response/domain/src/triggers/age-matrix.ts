import { ValidationError } from '@edict/core';
import type { TriggerAction } from '@edict/contracts';
import type { ErrorRateBand, TriggerThresholds } from './trigger.types';

/*
 * How we read the runbook's "Rollback Decision Matrix" (Incident Response):
 *
 *   | Age    | Error Rate | Decision                             |
 *   | <2h    | >5%        | ROLLBACK immediately                 |
 *   | 2-12h  | >10%       | ROLLBACK immediately                 |
 *   | 12-24h | >15%       | ROLLBACK immediately                 |
 *   | >24h   | >20%       | Investigate first (may be unrelated) |
 *
 * 1. The matrix refines the flat "error rate > 10%" of "Auto-Rollback Scenarios": that 10% is
 *    the 2–12 h row. A young bundle is the likeliest cause of errors, so it gets the lowest bar;
 *    the older a bundle, the likelier errors come from elsewhere, so the bar rises.
 * 2. Bands are half-open, [0, 2 h), [2 h, 12 h), [12 h, 24 h), [24 h, ∞): the runbook's
 *    boundaries overlap ("2-12h" and "12-24h" both hold 12 h); we give each boundary to the
 *    older band.
 * 3. From 24 h, nothing is rolled back automatically, whatever the trigger: the incident flow
 *    ("Is bundle <24h old? YES → Auto-Rollback, NO → Page On-Call") applies to every trigger,
 *    so deny, cost and no-match triggers on an old bundle open an incident to investigate too.
 *    Their thresholds themselves do not depend on age: the runbook gives one number for each.
 * 4. Under the band's threshold nothing triggers: at 24 h+ an error rate of 15% opens no
 *    incident here (the 10% Prometheus alert still pages a human).
 * 5. Age is how long the version has served any traffic (since its RolloutStarted), not since
 *    it reached 100%: a canary is the youngest bundle there is and gets the strictest bar.
 */

/** The matrix row for a bundle's age: the last band whose start the age reached. */
export const errorRateBandFor = (activeForMs: number, bands: readonly ErrorRateBand[]): ErrorRateBand => {
  const band = bands.filter((b) => b.fromAgeMs <= activeForMs).at(-1);
  if (!band) throw new ValidationError('TRIGGER.MATRIX_INVALID', 'the error-rate bands must start at age 0');
  return band;
};

/** Rollback while the bundle is young enough to be the likely cause; otherwise a human decides. */
export const actionForAge = (activeForMs: number, thresholds: TriggerThresholds): TriggerAction =>
  activeForMs < thresholds.autoRollbackMaxAgeMs ? 'rollback' : 'investigate';

/**
 * The bundle's age in ms, clamped at 0: a window that began before the rollout (clock or window
 * alignment) counts as the youngest age, the strictest band. Not-a-number is refused.
 */
export const normalizedAge = (activeForMs: number): number => {
  if (Number.isNaN(activeForMs)) throw new ValidationError('TRIGGER.AGE_INVALID', 'the bundle age is not a number');
  return Math.max(0, activeForMs);
};
