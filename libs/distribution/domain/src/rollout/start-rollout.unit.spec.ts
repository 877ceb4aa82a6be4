import { ConflictError, ValidationError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { disabled, madeStable, pinned, POLICY, rolledBack, start, started, T0 } from './__fixtures__/rollout.fixtures';
import { rolloutDecider } from './rollout.decider';

const spec = deciderSpec(rolloutDecider);

describe('StartRollout', () => {
  it('starts a first version at 10% with no stable version', () => {
    const state = spec.given([]).when(start('1.0.0')).then([started('1.0.0')]);
    expect(state).toMatchObject({ status: 'tracked', policyId: POLICY, stable: null, canary: { version: '1.0.0', percentage: 10, stepStartedAt: T0 } });
  });

  it('names the stable version the canary runs beside', () => {
    spec.given(madeStable('1.0.0')).when(start('1.1.0')).then([started('1.1.0', '1.0.0')]);
  });

  it('refuses a bundle whose signature was not verified', () => {
    spec.given([]).when(start('1.0.0', { signatureVerified: false })).thenThrows('ROLLOUT.SIGNATURE_UNVERIFIED', ConflictError);
  });

  it('refuses a version that is not semver', () => {
    spec.given([]).when(start('v1')).thenThrows('ROLLOUT.VERSION_INVALID', ValidationError);
  });

  it('refuses a malformed digest', () => {
    spec.given([]).when(start('1.0.0', { digest: 'md5:abc' })).thenThrows('ROLLOUT.DIGEST_INVALID', ValidationError);
  });

  it('refuses another policy on this stream', () => {
    spec.given([started('1.0.0')]).when(start('2.0.0', { policyId: 'org/other' })).thenThrows('ROLLOUT.POLICY_MISMATCH', ValidationError);
  });

  it('refuses a second rollout while one is in progress', () => {
    const error = spec.given(madeStable('1.0.0').concat(started('1.1.0', '1.0.0'))).when(start('1.2.0')).thenThrows('ROLLOUT.IN_PROGRESS', ConflictError);
    expect(error.details).toEqual({ version: '1.1.0' });
  });

  it.each(['1.0.0', '0.9.0', '1.0.0-rc.1'])('refuses %s when 1.0.0 is stable', (version) => {
    spec.given(madeStable('1.0.0')).when(start(version)).thenThrows('ROLLOUT.VERSION_NOT_NEWER', ConflictError);
  });

  it('never reuses a rolled-back version, even though it is newer than the stable one', () => {
    const error = spec.given([...madeStable('1.0.0'), started('1.1.0', '1.0.0'), rolledBack('1.1.0', '1.0.0')])
      .when(start('1.1.0'))
      .thenThrows('ROLLOUT.VERSION_NOT_NEWER');
    expect(error.details).toEqual({ highest: '1.1.0' });
  });

  it('refuses while a version is pinned', () => {
    spec.given([...madeStable('1.0.0'), pinned('1.0.0')]).when(start('1.1.0')).thenThrows('ROLLOUT.PINNED', ConflictError);
  });

  it('refuses while the policy is disabled', () => {
    spec.given([...madeStable('1.0.0'), disabled]).when(start('1.1.0')).thenThrows('ROLLOUT.POLICY_DISABLED', ConflictError);
  });
});
