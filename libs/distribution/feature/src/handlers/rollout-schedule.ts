import type { RolloutSchedule } from '@edict/contracts';

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `spec.rollout` of a bundle document as the schedule RolloutStarted carries; undefined when the
 * bundle declares none (the default 10 → 50 → 100). Authoring checked the shape at draft time;
 * the decider checks the values again.
 */
export function scheduleOf(document: Readonly<Record<string, unknown>>): RolloutSchedule | undefined {
  const spec = document['spec'];
  const rollout = isRecord(spec) ? spec['rollout'] : undefined;
  if (!isRecord(rollout)) return undefined;
  const { steps, soakSeconds, autoPromote } = rollout;
  return {
    steps: Array.isArray(steps) ? steps.filter((s): s is number => typeof s === 'number') : [10, 50, 100],
    ...(typeof soakSeconds === 'number' ? { soakSeconds } : {}),
    autoPromote: autoPromote === true,
  };
}
