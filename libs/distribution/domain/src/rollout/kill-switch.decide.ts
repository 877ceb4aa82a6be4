import { ConflictError, ForbiddenError } from '@edict/core';
import type { PolicyDisabled, PolicyEnabled } from '@edict/contracts';
import type { DisablePolicy, EnablePolicy, Principal } from './rollout.commands';
import { requireReason, requireTracked, RolloutErrorCodes as Codes } from './rollout.errors';
import type { RolloutState } from './rollout.state';

/** The kill switch is an admin's tool only (ARCHITECTURE.md "Rollout"), both ways. */
const requireAdmin = ({ roles }: Principal): void => {
  if (!roles.includes('admin')) throw new ForbiddenError(Codes.killSwitchForbidden, 'the kill switch needs the admin role');
};

/** Stop every version of the policy; decision points answer by `mode` until it is enabled again. */
export const decideDisable = ({ data }: DisablePolicy, current: RolloutState): PolicyDisabled[] => {
  const state = requireTracked(current);
  requireAdmin(data);
  requireReason(data.reason);
  if (state.killSwitch) throw new ConflictError(Codes.alreadyDisabled, `the policy is already disabled (${state.killSwitch.mode})`);
  return [{
    type: 'PolicyDisabled',
    data: { policyId: state.policyId, mode: data.mode, reason: data.reason, disabledBy: data.by, disabledAt: data.at, ...(data.system === true ? { system: true } : {}) },
  }];
};

/** Turn the kill switch off again; the rollout state resumes serving as it stands. */
export const decideEnable = ({ data }: EnablePolicy, current: RolloutState): PolicyEnabled[] => {
  const state = requireTracked(current);
  requireAdmin(data);
  requireReason(data.reason);
  if (!state.killSwitch) throw new ConflictError(Codes.notDisabled, 'the policy is not disabled');
  if (data.system === true && !state.killSwitch.system) {
    throw new ConflictError(Codes.notSystemDisabled, `${state.policyId} was disabled on its own (by ${state.killSwitch.disabledBy}); enable it with its own command`);
  }
  const system = data.system === true ? { system: true } : {};
  return [{ type: 'PolicyEnabled', data: { policyId: state.policyId, reason: data.reason, enabledBy: data.by, enabledAt: data.at, ...system } }];
};
