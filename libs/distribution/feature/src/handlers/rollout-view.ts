import type { RolloutState } from '@edict/distribution-domain';
import type { RolloutViewDto } from '../http/rollout-view.dto';

/** The API's view of a policy's rollout; `revision` is what `If-Match` takes (-1 before any event). */
export function rolloutView(policyId: string, state: RolloutState, revision: number): RolloutViewDto {
  if (state.status === 'empty') return { policyId, revision, stable: null, canary: null, pin: null, killSwitch: null, history: [], archived: [], retired: null };
  return {
    policyId,
    revision,
    stable: state.stable,
    canary: state.canary,
    pin: state.pin,
    killSwitch: state.killSwitch,
    history: state.history,
    archived: state.archived,
    retired: state.retired ?? null,
  };
}
