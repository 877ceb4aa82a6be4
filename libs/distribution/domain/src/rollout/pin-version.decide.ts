import { ConflictError } from '@edict/core';
import type { VersionPinned, VersionUnpinned } from '@edict/contracts';
import type { PinVersion, UnpinVersion } from './rollout.commands';
import { requireReason, requireTracked, RolloutErrorCodes as Codes } from './rollout.errors';
import type { RolloutState } from './rollout.state';

/**
 * Pin the stable version or one that was stable before: versions known to have served everyone.
 * Never a canary (not proven) nor an archived one (rolled back), and not while a canary runs,
 * since a pin would silently starve it of traffic.
 */
export const decidePin = ({ data }: PinVersion, current: RolloutState): VersionPinned[] => {
  const state = requireTracked(current);
  requireReason(data.reason);
  if (state.pin) throw new ConflictError(Codes.pinned, `${state.pin.version} is already pinned; unpin it first`);
  if (state.canary) throw new ConflictError(Codes.canaryInProgress, `${state.canary.version} is in canary; finish or roll it back first`);
  const candidates = [...state.history, ...(state.stable ? [state.stable] : [])];
  const pinned = candidates.find((c) => c.version === data.version);
  if (!pinned) {
    throw new ConflictError(Codes.pinTargetInvalid, `${data.version} is neither the stable version nor an earlier stable one`, {
      candidates: candidates.map((c) => c.version),
    });
  }
  return [{
    type: 'VersionPinned',
    data: { policyId: state.policyId, version: pinned.version, digest: pinned.digest, reason: data.reason, pinnedBy: data.by, pinnedAt: data.at },
  }];
};

/** Release the pin: cohorts get stable and canary again. */
export const decideUnpin = ({ data }: UnpinVersion, current: RolloutState): VersionUnpinned[] => {
  const state = requireTracked(current);
  if (!state.pin) throw new ConflictError(Codes.notPinned, 'no version is pinned');
  return [{ type: 'VersionUnpinned', data: { policyId: state.policyId, version: state.pin.version, unpinnedBy: data.by, unpinnedAt: data.at } }];
};
