import type { BundleProblem } from '../model/bundle-problem';
import { problem } from '../model/bundle-problem';
import { PolicyCodes } from '../model/problem-codes';
import { isRecord, specOf } from './document-views';

/**
 * `spec.rollout.steps` beyond the schema (which checks 2..10 whole numbers in 1..100): strictly
 * increasing, so every promotion widens the canary, and ending at 100, where it becomes stable.
 */
export function checkRolloutSchedule(document: unknown): BundleProblem[] {
  const rollout = specOf(document)?.['rollout'];
  const steps = isRecord(rollout) ? rollout['steps'] : undefined;
  if (!Array.isArray(steps) || !steps.every((s): s is number => typeof s === 'number')) return [];
  const path = 'spec.rollout.steps';
  const problems: BundleProblem[] = [];
  const descending = steps.findIndex((s, i) => i > 0 && s <= (steps[i - 1] ?? 0));
  if (descending > 0) problems.push(problem(PolicyCodes.ROLLOUT_STEPS_INVALID, `canary steps must increase: ${steps[descending]} follows ${steps[descending - 1]}`, `${path}[${descending}]`));
  if (steps.length > 0 && steps[steps.length - 1] !== 100) problems.push(problem(PolicyCodes.ROLLOUT_STEPS_INVALID, `the last canary step must be 100 (where the version becomes stable), not ${steps[steps.length - 1]}`, path));
  return problems;
}
