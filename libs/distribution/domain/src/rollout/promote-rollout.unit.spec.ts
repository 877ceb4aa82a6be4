import { ConflictError, ForbiddenError, ValidationError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { disabled, failed, madeStable, passed, paused, promote, promoted, started, T1, T2 } from './__fixtures__/rollout.fixtures';
import { rolloutDecider } from './rollout.decider';

const spec = deciderSpec(rolloutDecider);
const canaryOn1dot1 = [...madeStable('1.0.0'), started('1.1.0', '1.0.0')];

describe('PromoteRollout', () => {
  it('moves 10 → 50 and restarts the soak at the promotion time', () => {
    const state = spec.given(canaryOn1dot1).when(promote()).then([promoted('1.1.0', 10, 50)]);
    expect(state).toMatchObject({ stable: { version: '1.0.0' }, canary: { version: '1.1.0', percentage: 50, stepStartedAt: T1 } });
  });

  it('at 100 makes the canary stable and puts the old stable into history', () => {
    const state = spec.given([...canaryOn1dot1, promoted('1.1.0', 10, 50)]).when(promote({ at: T2 })).then([promoted('1.1.0', 50, 100, T2)]);
    expect(state).toMatchObject({ stable: { version: '1.1.0' }, canary: null, history: [{ version: '1.0.0' }] });
  });

  it('refuses a failed gate with its reasons in the details', () => {
    const error = spec.given(canaryOn1dot1).when(promote({ gate: failed })).thenThrows('ROLLOUT.GATE_FAILED', ConflictError);
    expect(error.details).toEqual({ reasons: failed.reasons });
  });

  it.each(['admin', 'platform'])('lets %s override a failed gate, recorded in the event', (role) => {
    const override = { reason: 'errors are a known upstream outage', by: 'carol', roles: ['oncall', role] };
    const event = promoted('1.1.0', 10, 50);
    const gate = { passed: false, overridden: true, reason: override.reason, failures: failed.reasons, overriddenBy: 'carol' };
    spec.given(canaryOn1dot1).when(promote({ gate: failed, override })).then([{ ...event, data: { ...event.data, gate } }]);
  });

  it('refuses an override from a principal without admin or platform', () => {
    const override = { reason: 'trust me', by: 'dave', roles: ['oncall', 'team-lead'] };
    spec.given(canaryOn1dot1).when(promote({ gate: failed, override })).thenThrows('ROLLOUT.OVERRIDE_FORBIDDEN', ForbiddenError);
  });

  it('refuses an override without a reason', () => {
    const override = { reason: '  ', by: 'carol', roles: ['admin'] };
    spec.given(canaryOn1dot1).when(promote({ gate: failed, override })).thenThrows('ROLLOUT.OVERRIDE_REASON_REQUIRED', ValidationError);
  });

  it('ignores an override when the gate passed: nothing was overridden', () => {
    const override = { reason: 'just in case', by: 'carol', roles: ['admin'] };
    spec.given(canaryOn1dot1).when(promote({ gate: passed, override })).then([promoted('1.1.0', 10, 50)]);
  });

  it('refuses on a stream that never rolled out', () => {
    spec.given([]).when(promote()).thenThrows('ROLLOUT.NOT_STARTED', ConflictError);
  });

  it('refuses when no canary is in progress', () => {
    spec.given(madeStable('1.0.0')).when(promote()).thenThrows('ROLLOUT.NOT_IN_PROGRESS', ConflictError);
  });

  it('refuses a paused canary', () => {
    spec.given([...canaryOn1dot1, paused('1.1.0')]).when(promote()).thenThrows('ROLLOUT.PAUSED', ConflictError);
  });

  it('refuses while the policy is disabled', () => {
    spec.given([...canaryOn1dot1, disabled]).when(promote()).thenThrows('ROLLOUT.POLICY_DISABLED', ConflictError);
  });
});
