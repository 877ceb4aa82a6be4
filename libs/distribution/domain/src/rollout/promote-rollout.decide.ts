import { ConflictError, ForbiddenError } from '@edict/core';
import type { RolloutPromoted } from '@edict/contracts';
import type { PromoteRollout } from './rollout.commands';
import { requireReason, requireTracked, RolloutErrorCodes as Codes } from './rollout.errors';
import type { RolloutState } from './rollout.state';

/** Who may let a canary through a failed gate: the people who answer for the fleet. */
const OVERRIDE_ROLES: readonly string[] = ['admin', 'platform'];

/** The schedule's next step above the current share (100 past the last). */
const nextStep = (steps: readonly number[], from: number): number => steps.find((s) => s > from) ?? 100;

type GateRecord = RolloutPromoted['data']['gate'];

/** The gate as recorded: passed, or failed and overridden by someone allowed to, with their reason. */
const gateRecord = ({ gate, override }: PromoteRollout['data']): GateRecord => {
  if (gate.passed) return { passed: true, overridden: false, reason: 'all gates passed' };
  if (!override) {
    throw new ConflictError(Codes.gateFailed, `gate failed: ${gate.reasons.join('; ')}`, { reasons: gate.reasons });
  }
  requireReason(override.reason, Codes.overrideReasonRequired);
  if (!override.roles.some((r) => OVERRIDE_ROLES.includes(r))) {
    throw new ForbiddenError(Codes.overrideForbidden, `overriding a failed gate needs one of: ${OVERRIDE_ROLES.join(', ')}`);
  }
  return { passed: false, overridden: true, reason: override.reason, failures: gate.reasons, overriddenBy: override.by };
};

/** One step of the canary's schedule (10 → 50 → 100 by default). Reaching 100 makes the canary the stable version (see evolve). */
export const decidePromote = (command: PromoteRollout, current: RolloutState): RolloutPromoted[] => {
  const state = requireTracked(current);
  const { canary } = state;
  if (!canary) throw new ConflictError(Codes.notInProgress, 'no canary is in progress');
  if (state.killSwitch) throw new ConflictError(Codes.policyDisabled, 'the policy is disabled; enable it first');
  if (canary.paused) throw new ConflictError(Codes.paused, `${canary.version} is paused; resume it first`);
  const gate = gateRecord(command.data);
  return [{
    type: 'RolloutPromoted',
    data: {
      policyId: state.policyId,
      version: canary.version,
      digest: canary.digest,
      from: canary.percentage,
      to: nextStep(canary.steps, canary.percentage),
      promotedBy: command.data.by,
      gate,
      promotedAt: command.data.at,
    },
  }];
};
