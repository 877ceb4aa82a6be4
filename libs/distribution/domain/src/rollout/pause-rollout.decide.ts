import { ConflictError } from '@edict/core';
import type { RolloutPaused, RolloutResumed } from '@edict/contracts';
import type { PauseRollout, ResumeRollout } from './rollout.commands';
import { requireReason, requireTracked, RolloutErrorCodes as Codes } from './rollout.errors';
import type { Canary, RolloutState } from './rollout.state';

const requireCanary = (current: RolloutState): { policyId: string; canary: Canary } => {
  const state = requireTracked(current);
  if (!state.canary) throw new ConflictError(Codes.notInProgress, 'no canary is in progress');
  return { policyId: state.policyId, canary: state.canary };
};

/** Hold the canary at its step; it keeps serving its cohorts. */
export const decidePause = ({ data }: PauseRollout, state: RolloutState): RolloutPaused[] => {
  requireReason(data.reason);
  const { policyId, canary } = requireCanary(state);
  if (canary.paused) throw new ConflictError(Codes.alreadyPaused, `${canary.version} is already paused`);
  const { version, digest, percentage } = canary;
  return [{
    type: 'RolloutPaused',
    data: { policyId, version, digest, percentage, reason: data.reason, pausedBy: data.by, pausedAt: data.at },
  }];
};

/** Release a paused canary. Its soak restarts (see evolve): the gate must see a full soak after a pause. */
export const decideResume = ({ data }: ResumeRollout, state: RolloutState): RolloutResumed[] => {
  const { policyId, canary } = requireCanary(state);
  if (!canary.paused) throw new ConflictError(Codes.notPaused, `${canary.version} is not paused`);
  const { version, digest, percentage } = canary;
  return [{ type: 'RolloutResumed', data: { policyId, version, digest, percentage, resumedBy: data.by, resumedAt: data.at } }];
};
