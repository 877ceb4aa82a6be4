import type { KillSwitchMode } from '@edict/contracts';
import { servesCanary } from '../cohort/cohort';
import type { RolloutState } from '../rollout/rollout.state';

/** What a subject's cohort gets from a policy right now. */
export type Serving =
  | { readonly kind: 'version'; readonly version: string; readonly digest: string; readonly canary: boolean; readonly pinned: boolean }
  | { readonly kind: 'disabled'; readonly mode: KillSwitchMode }
  | { readonly kind: 'none' };

/**
 * The kill switch wins over everything, then a pin, then the canary for cohorts below its
 * percentage (paused or not: a pause holds the step, it does not withdraw it), then stable.
 * `none` before a first canary reaches its cohort or after a first canary was rolled back.
 */
export const servingVersionFor = (state: RolloutState, subjectCohort: number): Serving => {
  if (state.status === 'empty') return { kind: 'none' };
  if (state.killSwitch) return { kind: 'disabled', mode: state.killSwitch.mode };
  if (state.pin) return { kind: 'version', version: state.pin.version, digest: state.pin.digest, canary: false, pinned: true };
  const { canary, stable } = state;
  if (canary && servesCanary(subjectCohort, canary.percentage)) {
    return { kind: 'version', version: canary.version, digest: canary.digest, canary: true, pinned: false };
  }
  return stable ? { kind: 'version', version: stable.version, digest: stable.digest, canary: false, pinned: false } : { kind: 'none' };
};
