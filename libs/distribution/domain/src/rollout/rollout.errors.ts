import { ConflictError, ValidationError } from '@edict/core';
import type { RolloutState, TrackedRollout } from './rollout.state';

/** Stable codes of every refusal the rollout decider makes (problem+json `code`). */
export const RolloutErrorCodes = {
  notStarted: 'ROLLOUT.NOT_STARTED',
  policyMismatch: 'ROLLOUT.POLICY_MISMATCH',
  versionInvalid: 'ROLLOUT.VERSION_INVALID',
  digestInvalid: 'ROLLOUT.DIGEST_INVALID',
  signatureUnverified: 'ROLLOUT.SIGNATURE_UNVERIFIED',
  inProgress: 'ROLLOUT.IN_PROGRESS',
  versionNotNewer: 'ROLLOUT.VERSION_NOT_NEWER',
  notInProgress: 'ROLLOUT.NOT_IN_PROGRESS',
  paused: 'ROLLOUT.PAUSED',
  alreadyPaused: 'ROLLOUT.ALREADY_PAUSED',
  notPaused: 'ROLLOUT.NOT_PAUSED',
  gateFailed: 'ROLLOUT.GATE_FAILED',
  overrideReasonRequired: 'ROLLOUT.OVERRIDE_REASON_REQUIRED',
  overrideForbidden: 'ROLLOUT.OVERRIDE_FORBIDDEN',
  reasonRequired: 'ROLLOUT.REASON_REQUIRED',
  versionUnknown: 'ROLLOUT.VERSION_UNKNOWN',
  canaryInProgress: 'ROLLOUT.CANARY_IN_PROGRESS',
  noPreviousVersion: 'ROLLOUT.NO_PREVIOUS_VERSION',
  pinned: 'ROLLOUT.PINNED',
  notPinned: 'ROLLOUT.NOT_PINNED',
  pinTargetInvalid: 'ROLLOUT.PIN_TARGET_INVALID',
  policyDisabled: 'ROLLOUT.POLICY_DISABLED',
  alreadyDisabled: 'ROLLOUT.ALREADY_DISABLED',
  notDisabled: 'ROLLOUT.NOT_DISABLED',
  killSwitchForbidden: 'ROLLOUT.KILL_SWITCH_FORBIDDEN',
  notSystemDisabled: 'ROLLOUT.NOT_SYSTEM_DISABLED',
  rollbackTargetServing: 'ROLLOUT.ROLLBACK_TARGET_SERVING',
  rollbackTargetArchived: 'ROLLOUT.ROLLBACK_TARGET_ARCHIVED',
  rollbackTargetNeverServed: 'ROLLOUT.ROLLBACK_TARGET_NEVER_SERVED',
  scheduleInvalid: 'ROLLOUT.SCHEDULE_INVALID',
  retireRecentDecisions: 'ROLLOUT.RETIRE_RECENT_DECISIONS',
  quietDaysInvalid: 'ROLLOUT.QUIET_DAYS_INVALID',
  retireForceForbidden: 'ROLLOUT.RETIRE_FORCE_FORBIDDEN',
  alreadyRetired: 'ROLLOUT.ALREADY_RETIRED',
  policyRetired: 'ROLLOUT.POLICY_RETIRED',
  retiredMajorReused: 'ROLLOUT.RETIRED_MAJOR_REUSED',
} as const;

/** Every command but StartRollout needs a stream that has seen a rollout: it carries the policy id. */
export const requireTracked = (state: RolloutState): TrackedRollout => {
  if (state.status === 'empty') {
    throw new ConflictError(RolloutErrorCodes.notStarted, 'this policy has never been rolled out');
  }
  return state;
};

/** Reasons end up in the audit trail; an empty one says nothing to the next reader. */
export const requireReason = (reason: string, code: string = RolloutErrorCodes.reasonRequired): void => {
  if (reason.trim() === '') throw new ValidationError(code, 'a reason is required');
};
