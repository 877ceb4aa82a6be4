import { ValidationError } from '@edict/core';
import type { RolloutSchedule } from '@edict/contracts';
import { RolloutErrorCodes as Codes } from './rollout.errors';

/** The runbook's schedule: 10 → 50 → 100, each step soaking the service's default, promoted by hand. */
export const DEFAULT_SCHEDULE: RolloutSchedule = { steps: [10, 50, 100], autoPromote: false };

const MAX_SOAK_SECONDS = 365 * 24 * 3600;

/**
 * What authoring's schema and semantic checks already hold for `spec.rollout`, held again here:
 * the stream must never record a canary that cannot reach 100 or a step that narrows it.
 */
export const requireValidSchedule = ({ steps, soakSeconds }: RolloutSchedule): void => {
  const whole = steps.every((s) => Number.isInteger(s) && s >= 1 && s <= 100);
  const increasing = steps.every((s, i) => i === 0 || s > (steps[i - 1] ?? 0));
  if (steps.length < 2 || steps.length > 10 || !whole || !increasing || steps[steps.length - 1] !== 100) {
    throw new ValidationError(Codes.scheduleInvalid, `canary steps must be 2 to 10 whole shares in 1..100, increasing, the last 100; got [${steps.join(', ')}]`, { steps });
  }
  if (soakSeconds !== undefined && !(Number.isInteger(soakSeconds) && soakSeconds >= 0 && soakSeconds <= MAX_SOAK_SECONDS)) {
    throw new ValidationError(Codes.scheduleInvalid, `soakSeconds must be a whole number of seconds in 0..${MAX_SOAK_SECONDS}, not ${soakSeconds}`, { soakSeconds });
  }
};
