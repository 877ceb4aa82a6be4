import { ConflictError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { disabled, madeStable, POLICY, T2 } from './__fixtures__/rollout.fixtures';
import type { DisablePolicy, EnablePolicy } from './rollout.commands';
import { rolloutDecider } from './rollout.decider';

const spec = deciderSpec(rolloutDecider);
const v1Stable = madeStable('1.0.0');
const admin = { by: 'root', roles: ['admin'] };
const systemDisable: DisablePolicy = { type: 'DisablePolicy', data: { ...admin, mode: 'fail-open', reason: 'rollback not working', at: T2, system: true } };
const systemEnable: EnablePolicy = { type: 'EnablePolicy', data: { ...admin, reason: 'fixed', at: T2, system: true } };
const systemDisabled = { type: 'PolicyDisabled' as const, data: { policyId: POLICY, mode: 'fail-open' as const, reason: 'rollback not working', disabledBy: 'root', disabledAt: T2, system: true } };

describe('the system-wide kill switch on one policy', () => {
  it('marks PolicyDisabled as part of it (system: true) and the state remembers', () => {
    const state = spec.given(v1Stable).when(systemDisable).then([systemDisabled]);
    expect(state).toMatchObject({ killSwitch: { mode: 'fail-open', system: true } });
  });

  it('system enable turns it off again, marked', () => {
    const state = spec.given([...v1Stable, systemDisabled]).when(systemEnable).then([{
      type: 'PolicyEnabled', data: { policyId: POLICY, reason: 'fixed', enabledBy: 'root', enabledAt: T2, system: true },
    }]);
    expect(state).toMatchObject({ killSwitch: null });
  });

  it('system enable leaves a policy disabled on its own alone', () => {
    spec.given([...v1Stable, disabled]).when(systemEnable).thenThrows('ROLLOUT.NOT_SYSTEM_DISABLED', ConflictError);
  });

  it('a per-policy enable also ends a system disable (an admin may bring one policy back first)', () => {
    const enable: EnablePolicy = { type: 'EnablePolicy', data: { ...admin, reason: 'this one is fine', at: T2 } };
    spec.given([...v1Stable, systemDisabled]).when(enable).then([{ type: 'PolicyEnabled', data: { policyId: POLICY, reason: 'this one is fine', enabledBy: 'root', enabledAt: T2 } }]);
  });

  it('still needs the admin role', () => {
    spec.given(v1Stable).when({ ...systemDisable, data: { ...systemDisable.data, roles: ['oncall'] } }).thenThrows('ROLLOUT.KILL_SWITCH_FORBIDDEN');
  });
});
