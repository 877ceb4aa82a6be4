import type { RolloutState } from '@edict/distribution-domain';

/** The API's view of a policy's rollout. */
export function rolloutView(policyId: string, state: RolloutState): Record<string, unknown> {
  if (state.status === 'empty') return { policyId, stable: null, canary: null, pin: null, killSwitch: null, history: [], archived: [] };
  return {
    policyId,
    stable: state.stable,
    canary: state.canary,
    pin: state.pin,
    killSwitch: state.killSwitch,
    history: state.history,
    archived: state.archived,
  };
}
