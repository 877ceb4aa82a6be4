import { ConflictError, ForbiddenError, ValidationError } from '@edict/core';
import type { DisablePolicy, EnablePolicy } from './rollout.commands';
import { deciderSpec } from '@edict/testing';
import { digestOf, disabled, madeStable, paused, pinned, POLICY, rolledBack, started, T1, T2 } from './__fixtures__/rollout.fixtures';
import { rolloutDecider } from './rollout.decider';

const spec = deciderSpec(rolloutDecider);
const v2Stable = [...madeStable('1.0.0'), ...madeStable('1.1.0', '1.0.0')];
const canary = [...v2Stable, started('1.2.0', '1.1.0')];
const admin = { by: 'root', roles: ['admin'] };

describe('PauseRollout / ResumeRollout', () => {
  const pause = { type: 'PauseRollout' as const, data: { reason: 'holiday freeze', by: 'sre', at: T1 } };
  const resume = { type: 'ResumeRollout' as const, data: { by: 'sre', at: T2 } };

  it('pauses a canary at its step', () => {
    spec.given(canary).when(pause).then([paused('1.2.0')]);
  });
  it('refuses to pause twice', () => {
    spec.given([...canary, paused('1.2.0')]).when(pause).thenThrows('ROLLOUT.ALREADY_PAUSED', ConflictError);
  });
  it('refuses to pause without a canary', () => {
    spec.given(v2Stable).when(pause).thenThrows('ROLLOUT.NOT_IN_PROGRESS', ConflictError);
  });
  it('refuses to pause without a reason', () => {
    spec.given(canary).when({ ...pause, data: { ...pause.data, reason: '' } }).thenThrows('ROLLOUT.REASON_REQUIRED', ValidationError);
  });
  it('resumes, restarting the soak', () => {
    const state = spec.given([...canary, paused('1.2.0')]).when(resume).then([{
      type: 'RolloutResumed',
      data: { policyId: POLICY, version: '1.2.0', digest: digestOf('1.2.0'), percentage: 10, resumedBy: 'sre', resumedAt: T2 },
    }]);
    expect(state).toMatchObject({ canary: { paused: false, stepStartedAt: T2 } });
  });
  it('refuses to resume a canary that is not paused', () => {
    spec.given(canary).when(resume).thenThrows('ROLLOUT.NOT_PAUSED', ConflictError);
  });
});

describe('PinVersion / UnpinVersion', () => {
  const pin = (version: string) => ({ type: 'PinVersion' as const, data: { version, reason: 'freeze during audit', by: 'sre', at: T2 } });
  const unpin = { type: 'UnpinVersion' as const, data: { by: 'sre', at: T2 } };

  it.each(['1.1.0', '1.0.0'])('pins %s (the stable or an earlier stable version)', (version) => {
    spec.given(v2Stable).when(pin(version)).then([pinned(version)]);
  });
  it('refuses to pin a rolled-back version', () => {
    spec.given([...canary, rolledBack('1.2.0', '1.1.0')]).when(pin('1.2.0')).thenThrows('ROLLOUT.PIN_TARGET_INVALID', ConflictError);
  });
  it('refuses to pin while a canary runs', () => {
    spec.given(canary).when(pin('1.1.0')).thenThrows('ROLLOUT.CANARY_IN_PROGRESS', ConflictError);
  });
  it('refuses a second pin', () => {
    spec.given([...v2Stable, pinned('1.1.0')]).when(pin('1.0.0')).thenThrows('ROLLOUT.PINNED', ConflictError);
  });
  it('refuses a pin without a reason', () => {
    spec.given(v2Stable).when({ ...pin('1.1.0'), data: { ...pin('1.1.0').data, reason: ' ' } }).thenThrows('ROLLOUT.REASON_REQUIRED', ValidationError);
  });
  it('unpins', () => {
    const state = spec.given([...v2Stable, pinned('1.0.0')]).when(unpin).then([{
      type: 'VersionUnpinned', data: { policyId: POLICY, version: '1.0.0', unpinnedBy: 'sre', unpinnedAt: T2 },
    }]);
    expect(state).toMatchObject({ pin: null });
  });
  it('refuses to unpin when nothing is pinned', () => {
    spec.given(v2Stable).when(unpin).thenThrows('ROLLOUT.NOT_PINNED', ConflictError);
  });
  it('refuses on a stream that never rolled out', () => {
    spec.given([]).when(pin('1.0.0')).thenThrows('ROLLOUT.NOT_STARTED', ConflictError);
  });
});

describe('DisablePolicy / EnablePolicy (kill switch)', () => {
  const disable: DisablePolicy = { type: 'DisablePolicy', data: { ...admin, mode: 'fail-closed', reason: 'rollback failed', at: T2 } };
  const enable: EnablePolicy = { type: 'EnablePolicy', data: { ...admin, reason: 'fixed in 1.2.1', at: T2 } };

  it('disables with an admin and a reason', () => {
    spec.given(v2Stable).when(disable).then([disabled]);
  });
  it('refuses anyone without the admin role', () => {
    spec.given(v2Stable).when({ ...disable, data: { ...disable.data, roles: ['platform', 'oncall'] } }).thenThrows('ROLLOUT.KILL_SWITCH_FORBIDDEN', ForbiddenError);
  });
  it('refuses without a reason', () => {
    spec.given(v2Stable).when({ ...disable, data: { ...disable.data, reason: '' } }).thenThrows('ROLLOUT.REASON_REQUIRED', ValidationError);
  });
  it('refuses to disable twice', () => {
    spec.given([...v2Stable, disabled]).when(disable).thenThrows('ROLLOUT.ALREADY_DISABLED', ConflictError);
  });
  it('enables again', () => {
    const state = spec.given([...v2Stable, disabled]).when(enable).then([{
      type: 'PolicyEnabled', data: { policyId: POLICY, reason: 'fixed in 1.2.1', enabledBy: 'root', enabledAt: T2 },
    }]);
    expect(state).toMatchObject({ killSwitch: null });
  });
  it('refuses to enable a policy that is not disabled', () => {
    spec.given(v2Stable).when(enable).thenThrows('ROLLOUT.NOT_DISABLED', ConflictError);
  });
  it('refuses to enable without the admin role', () => {
    spec.given([...v2Stable, disabled]).when({ ...enable, data: { ...enable.data, roles: ['oncall'] } }).thenThrows('ROLLOUT.KILL_SWITCH_FORBIDDEN', ForbiddenError);
  });
  it('still lets a rollback through while disabled, so the policy comes back on a safe version', () => {
    spec.given([...v2Stable, disabled]).when({ type: 'RollBack', data: { reason: 'bad', by: 'sre', at: T2, automatic: false } })
      .then([rolledBack('1.1.0', '1.0.0', { reason: 'bad', rolledBackBy: 'sre' })]);
  });
});
