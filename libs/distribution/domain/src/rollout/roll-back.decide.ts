import { ConflictError, NotFoundError } from '@edict/core';
import type { BundleRolledBack } from '@edict/contracts';
import { namedTarget } from './named-rollback-target';
import type { RollBack } from './rollout.commands';
import { requireReason, requireTracked, RolloutErrorCodes as Codes } from './rollout.errors';
import { knownVersions, servingVersions, type RolloutState, type TrackedRollout } from './rollout.state';

/**
 * Which version leaves service and which takes over: the canary if there is one (the stable one
 * keeps serving), else the stable one in favour of the last version in history.
 */
const target = (state: TrackedRollout, named: string | undefined): { from: string; to: string | null } => {
  const { canary, stable } = state;
  if (canary) {
    if (named !== undefined && named !== canary.version) {
      throw new ConflictError(Codes.canaryInProgress, `${canary.version} is in canary; roll it back before ${named}`);
    }
    return { from: canary.version, to: stable?.version ?? null };
  }
  const previous = state.history.at(-1);
  if (!stable || !previous) {
    const what = stable ? `${stable.version} has no previous version` : 'nothing is serving';
    throw new ConflictError(Codes.noPreviousVersion, `${what}; to stop serving, use the kill switch (disable the policy)`);
  }
  return { from: stable.version, to: previous.version };
};

/**
 * Idempotent by design: a request that names a version no longer serving, or repeats an incident
 * that already rolled something back, yields no events rather than rolling back a second version.
 */
export const decideRollBack = ({ data }: RollBack, current: RolloutState): BundleRolledBack[] => {
  const state = requireTracked(current);
  requireReason(data.reason);
  if (data.incidentId !== undefined && state.rolledBackIncidents.includes(data.incidentId)) return [];
  if (data.version !== undefined) {
    if (!knownVersions(state).includes(data.version)) {
      throw new NotFoundError(Codes.versionUnknown, `${state.policyId} never rolled out ${data.version}`);
    }
    if (!servingVersions(state).includes(data.version)) return [];
  }
  // A pin is an operator's explicit hold; an automatic rollback must not silently undo it.
  if (state.pin) throw new ConflictError(Codes.pinned, `${state.pin.version} is pinned; unpin it or use the kill switch`);
  const { from, to } = data.toVersion !== undefined ? namedTarget(state, data.toVersion) : target(state, data.version);
  return [{
    type: 'BundleRolledBack',
    data: {
      policyId: state.policyId,
      fromVersion: from,
      toVersion: to,
      reason: data.reason,
      rolledBackBy: data.by,
      automatic: data.automatic,
      ...(data.incidentId !== undefined ? { incidentId: data.incidentId } : {}),
      ...(data.createIncident === true ? { createIncident: true } : {}),
      rolledBackAt: data.at,
    },
  }];
};
