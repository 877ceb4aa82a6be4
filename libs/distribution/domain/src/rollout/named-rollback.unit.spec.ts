import { ConflictError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { madeStable, pinned, rollBack, rolledBack, started } from './__fixtures__/rollout.fixtures';
import { rolloutDecider } from './rollout.decider';

const spec = deciderSpec(rolloutDecider);
const v1Stable = madeStable('1.0.0');
const v2Stable = [...v1Stable, ...madeStable('1.1.0', '1.0.0')];
const v3Stable = [...v2Stable, ...madeStable('1.2.0', '1.1.0')];

describe('RollBack to a named version (toVersion)', () => {
  it('goes back past several versions; the skipped ones leave history', () => {
    const state = spec.given(v3Stable).when(rollBack({ toVersion: '1.0.0' })).then([rolledBack('1.2.0', '1.0.0')]);
    expect(state).toMatchObject({ stable: { version: '1.0.0' }, history: [], archived: ['1.2.0'] });
  });

  it('naming the previous version is the plain rollback', () => {
    const state = spec.given(v3Stable).when(rollBack({ toVersion: '1.1.0' })).then([rolledBack('1.2.0', '1.1.0')]);
    expect(state).toMatchObject({ stable: { version: '1.1.0' }, history: [{ version: '1.0.0' }] });
  });

  it('naming the stable version beneath a canary drops the canary', () => {
    spec.given([...v2Stable, started('1.2.0', '1.1.0')]).when(rollBack({ toVersion: '1.1.0' })).then([rolledBack('1.2.0', '1.1.0')]);
  });

  it('refuses an older version while a canary runs (roll the canary back first)', () => {
    spec.given([...v2Stable, started('1.2.0', '1.1.0')]).when(rollBack({ toVersion: '1.0.0' })).thenThrows('ROLLOUT.CANARY_IN_PROGRESS', ConflictError);
  });

  it('refuses the version already serving as stable', () => {
    spec.given(v2Stable).when(rollBack({ toVersion: '1.1.0' })).thenThrows('ROLLOUT.ROLLBACK_TARGET_SERVING', ConflictError);
  });

  it('refuses a version this policy never served (never released here, or another policy\'s)', () => {
    spec.given(v2Stable).when(rollBack({ toVersion: '2.0.0' })).thenThrows('ROLLOUT.ROLLBACK_TARGET_NEVER_SERVED', ConflictError);
  });

  it('refuses a version that was only ever a canary, then rolled back', () => {
    const history = [...v1Stable, started('1.1.0', '1.0.0'), rolledBack('1.1.0', '1.0.0')];
    spec.given(history).when(rollBack({ toVersion: '1.1.0' })).thenThrows('ROLLOUT.ROLLBACK_TARGET_ARCHIVED', ConflictError);
  });

  it('refuses a version rolled back from stable before', () => {
    const history = [...v3Stable, rolledBack('1.2.0', '1.1.0')];
    spec.given(history).when(rollBack({ toVersion: '1.2.0' })).thenThrows('ROLLOUT.ROLLBACK_TARGET_ARCHIVED', ConflictError);
  });

  it('refuses while pinned, like any rollback', () => {
    spec.given([...v3Stable, pinned('1.2.0')]).when(rollBack({ toVersion: '1.0.0' })).thenThrows('ROLLOUT.PINNED', ConflictError);
  });

  it('still needs a reason', () => {
    spec.given(v3Stable).when(rollBack({ toVersion: '1.0.0', reason: ' ' })).thenThrows('ROLLOUT.REASON_REQUIRED');
  });
});
