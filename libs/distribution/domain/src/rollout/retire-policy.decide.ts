import { ConflictError, ForbiddenError, ValidationError } from '@edict/core';
import type { PolicyRetired } from '@edict/contracts';
import { major, rsort } from 'semver';
import type { RetirePolicy } from './rollout.commands';
import { requireReason, requireTracked, RolloutErrorCodes as Codes } from './rollout.errors';
import { knownVersions, type RolloutState } from './rollout.state';

/**
 * Retire a policy (lifecycle: "confirm zero evaluations in the last 30 days", then remove). Refused
 * while the windows counted decisions in the quiet period, unless an admin forces it; a reason
 * always. The event names the newest version it ever rolled out, whose major a reuse must exceed.
 */
export const decideRetire = ({ data }: RetirePolicy, current: RolloutState): PolicyRetired[] => {
  const state = requireTracked(current);
  requireReason(data.reason);
  if (!Number.isInteger(data.quietDays) || data.quietDays < 0) throw new ValidationError(Codes.quietDaysInvalid, 'quietDays must be a whole number of days');
  if (state.retired) throw new ConflictError(Codes.alreadyRetired, `${state.policyId} was retired at ${state.retired.retiredAt} by ${state.retired.retiredBy}`);
  if (data.force && !data.roles.includes('admin')) throw new ForbiddenError(Codes.retireForceForbidden, 'forcing a retirement needs the admin role');
  if (data.recentDecisions > 0 && !data.force) {
    throw new ConflictError(Codes.retireRecentDecisions, `${state.policyId} served ${data.recentDecisions} decisions in the last ${data.quietDays} days; wait, or an admin forces it with a reason`, {
      recentDecisions: data.recentDecisions,
      quietDays: data.quietDays,
    });
  }
  const lastVersion = rsort([...knownVersions(state)])[0] ?? null;
  return [{
    type: 'PolicyRetired',
    data: {
      policyId: state.policyId, reason: data.reason, retiredBy: data.by, retiredAt: data.at, lastVersion, lastMajor: lastVersion === null ? null : major(lastVersion),
      quietDays: data.quietDays, recentDecisions: data.recentDecisions, forced: data.force,
    },
  }];
};

/** While retired, only the kill switch and a rollout of a new major (StartRollout checks it) are taken. */
export const requireNotRetired = (current: RolloutState): void => {
  if (current.status === 'tracked' && current.retired) {
    throw new ConflictError(Codes.policyRetired, `${current.policyId} is retired (${current.retired.reason}); only a new major version above ${current.retired.lastMajor ?? 0} rolls out again`);
  }
};
