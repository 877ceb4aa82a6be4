import { ConflictError, ForbiddenError, ValidationError } from '@edict/core';
import type { PolicyRetired } from '@edict/contracts';
import { deciderSpec } from '@edict/testing';
import { madeStable, pinned, POLICY, rollBack, start, started, T1, T2 } from './__fixtures__/rollout.fixtures';
import type { RetirePolicy } from './rollout.commands';
import { rolloutDecider } from './rollout.decider';
import { servingVersions, type TrackedRollout } from './rollout.state';

const spec = deciderSpec(rolloutDecider);
const v2Stable = [...madeStable('1.0.0'), ...madeStable('1.1.0', '1.0.0')];

const retire = (extra: Partial<RetirePolicy['data']> = {}): RetirePolicy => ({
  type: 'RetirePolicy',
  data: { by: 'plat', roles: ['platform'], reason: 'replaced by org/egress', at: T2, quietDays: 30, recentDecisions: 0, force: false, ...extra },
});

const retiredEvent = (extra: Partial<PolicyRetired['data']> = {}): PolicyRetired => ({
  type: 'PolicyRetired',
  data: { policyId: POLICY, reason: 'replaced by org/egress', retiredBy: 'plat', retiredAt: T2, lastVersion: '1.1.0', lastMajor: 1, quietDays: 30, recentDecisions: 0, forced: false, ...extra },
});

describe('RetirePolicy', () => {
  it('given a stable version and no decisions in the quiet period, when retired, then PolicyRetired names the last major and nothing serves', () => {
    const state = spec.given(v2Stable).when(retire()).then([retiredEvent()]) as TrackedRollout;
    expect(servingVersions(state)).toEqual([]);
    expect(state.history.map((h) => h.version)).toEqual(['1.0.0', '1.1.0']);
    expect(state.retired).toMatchObject({ lastMajor: 1, forced: false });
  });

  it('given a canary and a pin, when retired, then neither serves any more', () => {
    const canary = [...v2Stable, started('1.2.0', '1.1.0')];
    const state = spec.given(canary).when(retire()).then([retiredEvent({ lastVersion: '1.2.0' })]) as TrackedRollout;
    expect(servingVersions(state)).toEqual([]);
    const pinnedState = spec.given([...v2Stable, pinned('1.0.0')]).when(retire()).then([retiredEvent()]) as TrackedRollout;
    expect(servingVersions(pinnedState)).toEqual([]);
  });

  it('given decisions in the quiet period, when retired without force, then 409 ROLLOUT.RETIRE_RECENT_DECISIONS with the count', () => {
    const error = spec.given(v2Stable).when(retire({ recentDecisions: 12 })).thenThrows('ROLLOUT.RETIRE_RECENT_DECISIONS', ConflictError);
    expect(error.details).toEqual({ recentDecisions: 12, quietDays: 30 });
  });

  it('given decisions in the quiet period, when an admin forces it with a reason, then it retires and records the force', () => {
    spec.given(v2Stable).when(retire({ recentDecisions: 12, force: true, roles: ['admin'], by: 'root' }))
      .then([retiredEvent({ recentDecisions: 12, forced: true, retiredBy: 'root' })]);
  });

  it('given anyone but an admin, when forcing, then 403 ROLLOUT.RETIRE_FORCE_FORBIDDEN', () => {
    spec.given(v2Stable).when(retire({ force: true })).thenThrows('ROLLOUT.RETIRE_FORCE_FORBIDDEN', ForbiddenError);
  });

  it('given no reason, a policy never rolled out, or one already retired, when retired, then it is refused', () => {
    spec.given(v2Stable).when(retire({ reason: ' ' })).thenThrows('ROLLOUT.REASON_REQUIRED', ValidationError);
    spec.given([]).when(retire()).thenThrows('ROLLOUT.NOT_STARTED', ConflictError);
    spec.given([...v2Stable, retiredEvent()]).when(retire()).thenThrows('ROLLOUT.ALREADY_RETIRED', ConflictError);
  });

  it('given a retired policy, when rolled back, pinned or promoted, then 409 ROLLOUT.POLICY_RETIRED', () => {
    const retired = [...v2Stable, retiredEvent()];
    spec.given(retired).when(rollBack()).thenThrows('ROLLOUT.POLICY_RETIRED', ConflictError);
    spec.given(retired).when({ type: 'PinVersion', data: { version: '1.0.0', reason: 'r', by: 'x', at: T1 } }).thenThrows('ROLLOUT.POLICY_RETIRED', ConflictError);
    spec.given(retired).when({ type: 'PromoteRollout', data: { by: 'x', at: T1, gate: { passed: true, reasons: [] } } }).thenThrows('ROLLOUT.POLICY_RETIRED', ConflictError);
  });

  it('given a retired policy, when a version of the same major starts, then 409 ROLLOUT.RETIRED_MAJOR_REUSED; a new major starts and clears the retirement', () => {
    const retired = [...v2Stable, retiredEvent()];
    spec.given(retired).when(start('1.9.0')).thenThrows('ROLLOUT.RETIRED_MAJOR_REUSED', ConflictError);
    const state = spec.given(retired).when(start('2.0.0')).then([started('2.0.0')]) as TrackedRollout;
    expect(state.retired).toBeUndefined();
    expect(servingVersions(state)).toEqual(['2.0.0']);
  });
});
