import { ConflictError, ValidationError } from '@edict/core';
import type { RolloutStarted } from '@edict/contracts';
import { gt, major, rsort, valid } from 'semver';
import type { StartRollout } from './rollout.commands';
import { RolloutErrorCodes as Codes } from './rollout.errors';
import { DEFAULT_SCHEDULE, requireValidSchedule } from './rollout-schedule';
import { knownVersions, type RolloutState } from './rollout.state';

const DIGEST = /^sha256:[0-9a-f]{64}$/;

const checkInput = ({ version, digest, schedule }: StartRollout['data']): void => {
  if (valid(version) === null) throw new ValidationError(Codes.versionInvalid, `"${version}" is not a semver version`);
  if (!DIGEST.test(digest)) throw new ValidationError(Codes.digestInvalid, 'digest must be sha256:<64 hex>');
  if (schedule) requireValidSchedule(schedule);
};

/**
 * A canary at the schedule's first step (10% by default) for a signed version newer than every version this policy ever rolled out
 * (not only the stable one: a rolled-back version is never reused, ARCHITECTURE.md "Lifecycle").
 */
export const decideStart = ({ data }: StartRollout, state: RolloutState): RolloutStarted[] => {
  checkInput(data);
  if (!data.signatureVerified) {
    throw new ConflictError(Codes.signatureUnverified, `${data.version} has no verified signature; sign it first`);
  }
  if (state.status === 'tracked') {
    if (state.policyId !== data.policyId) {
      throw new ValidationError(Codes.policyMismatch, `this stream is for ${state.policyId}, not ${data.policyId}`);
    }
    if (state.killSwitch) throw new ConflictError(Codes.policyDisabled, 'the policy is disabled; enable it first');
    if (state.pin) throw new ConflictError(Codes.pinned, `${state.pin.version} is pinned; unpin it first`);
    if (state.canary) {
      throw new ConflictError(Codes.inProgress, `${state.canary.version} is in canary at ${state.canary.percentage}%`, {
        version: state.canary.version,
      });
    }
    if (state.retired && major(data.version) <= (state.retired.lastMajor ?? -1)) {
      throw new ConflictError(Codes.retiredMajorReused, `${data.policyId} is retired; its id serves again only as a new major version above ${state.retired.lastMajor ?? 0}.x`, { lastMajor: state.retired.lastMajor });
    }
    const highest = rsort([...knownVersions(state)])[0];
    if (highest !== undefined && !gt(data.version, highest)) {
      throw new ConflictError(Codes.versionNotNewer, `${data.version} is not newer than ${highest}`, { highest });
    }
  }
  const stableVersion = state.status === 'tracked' ? (state.stable?.version ?? null) : null;
  return [{
    type: 'RolloutStarted',
    data: {
      policyId: data.policyId, version: data.version, digest: data.digest, percentage: (data.schedule ?? DEFAULT_SCHEDULE).steps[0] ?? 100,
      ...(data.schedule ? { schedule: data.schedule } : {}), stableVersion, startedBy: data.by, startedAt: data.at,
    },
  }];
};
