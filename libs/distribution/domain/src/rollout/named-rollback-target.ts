import { ConflictError } from '@edict/core';
import { RolloutErrorCodes as Codes } from './rollout.errors';
import type { TrackedRollout } from './rollout.state';

/**
 * The versions a named rollback (`toVersion`) swaps: only a version this policy served as stable
 * before and that was never rolled back. Naming the current stable version while a canary runs
 * drops the canary; otherwise a canary must be rolled back first, so one command moves one thing.
 */
export const namedTarget = (state: TrackedRollout, toVersion: string): { from: string; to: string } => {
  const { canary, stable, policyId } = state;
  if (stable?.version === toVersion) {
    if (canary) return { from: canary.version, to: stable.version };
    throw new ConflictError(Codes.rollbackTargetServing, `${toVersion} is already the stable version of ${policyId}`);
  }
  if (canary) {
    throw new ConflictError(Codes.canaryInProgress, `${canary.version} is in canary; roll it back before going back to ${toVersion}`);
  }
  if (state.archived.includes(toVersion)) {
    throw new ConflictError(Codes.rollbackTargetArchived, `${policyId}@${toVersion} was rolled back before; it never serves again`);
  }
  if (!stable || !state.history.some((h) => h.version === toVersion)) {
    throw new ConflictError(Codes.rollbackTargetNeverServed, `${policyId} never served ${toVersion} as its stable version; only a previously served version is a rollback target`);
  }
  return { from: stable.version, to: toVersion };
};
