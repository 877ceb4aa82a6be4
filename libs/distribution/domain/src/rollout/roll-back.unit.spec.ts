import { ConflictError, NotFoundError, ValidationError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { madeStable, pinned, promoted, rollBack, rolledBack, started } from './__fixtures__/rollout.fixtures';
import { rolloutDecider } from './rollout.decider';

const spec = deciderSpec(rolloutDecider);
const v1Stable = madeStable('1.0.0');
const v2Stable = [...v1Stable, ...madeStable('1.1.0', '1.0.0')];
const canaryOn1dot1 = [...v1Stable, started('1.1.0', '1.0.0'), promoted('1.1.0', 10, 50)];

describe('RollBack', () => {
  it('drops a canary in progress; the stable version keeps serving', () => {
    const state = spec.given(canaryOn1dot1).when(rollBack()).then([rolledBack('1.1.0', '1.0.0')]);
    expect(state).toMatchObject({ stable: { version: '1.0.0' }, canary: null, archived: ['1.1.0'] });
  });

  it('drops a first canary, leaving nothing serving', () => {
    spec.given([started('1.0.0')]).when(rollBack()).then([rolledBack('1.0.0', null)]);
  });

  it('with no canary, puts the previous stable version back', () => {
    const state = spec.given(v2Stable).when(rollBack()).then([rolledBack('1.1.0', '1.0.0')]);
    expect(state).toMatchObject({ stable: { version: '1.0.0' }, history: [], archived: ['1.1.0'] });
  });

  it('records an automatic rollback and its incident', () => {
    const cmd = rollBack({ automatic: true, incidentId: 'inc-1', by: 'incident-response' });
    spec.given(canaryOn1dot1).when(cmd).then([rolledBack('1.1.0', '1.0.0', { automatic: true, incidentId: 'inc-1', rolledBackBy: 'incident-response' })]);
  });

  it('carries a manual rollback\'s request for an incident (createIncident) to BundleRolledBack', () => {
    spec.given(canaryOn1dot1).when(rollBack({ createIncident: true })).then([rolledBack('1.1.0', '1.0.0', { createIncident: true })]);
  });

  it('refuses with nothing to go back to, pointing to the kill switch', () => {
    const error = spec.given(v1Stable).when(rollBack()).thenThrows('ROLLOUT.NO_PREVIOUS_VERSION', ConflictError);
    expect(error.message).toMatch(/kill switch/);
  });

  it('refuses when nothing serves (a first canary already rolled back)', () => {
    spec.given([started('1.0.0'), rolledBack('1.0.0', null)]).when(rollBack()).thenThrows('ROLLOUT.NO_PREVIOUS_VERSION', ConflictError);
  });

  describe('idempotency', () => {
    const first = rollBack({ automatic: true, incidentId: 'inc-1', version: '1.1.0' });

    it('does nothing when the same incident asks again', () => {
      spec.given([...v2Stable, rolledBack('1.1.0', '1.0.0', { incidentId: 'inc-1' })]).when(rollBack({ incidentId: 'inc-1' })).then([]);
    });

    it('does nothing when the named version no longer serves (another incident got there first)', () => {
      spec.given([...v2Stable, rolledBack('1.1.0', '1.0.0', { incidentId: 'inc-1' })]).when({ ...first, data: { ...first.data, incidentId: 'inc-2' } }).then([]);
    });

    it('does nothing for a superseded version that only sits in history', () => {
      spec.given(v2Stable).when(rollBack({ version: '1.0.0' })).then([]);
    });

    it('rolls back the named version while it serves', () => {
      spec.given(v2Stable).when(first).then([rolledBack('1.1.0', '1.0.0', { automatic: true, incidentId: 'inc-1' })]);
    });

    it('without a version or incident, each request is a new rollback (a human asked twice)', () => {
      const v3Stable = [...v2Stable, ...madeStable('1.2.0', '1.1.0')];
      spec.given([...v3Stable, rolledBack('1.2.0', '1.1.0')]).when(rollBack()).then([rolledBack('1.1.0', '1.0.0')]);
    });
  });

  it('refuses a version this policy never rolled out', () => {
    spec.given(v1Stable).when(rollBack({ version: '9.9.9' })).thenThrows('ROLLOUT.VERSION_UNKNOWN', NotFoundError);
  });

  it('refuses to roll back the stable version beneath a running canary', () => {
    spec.given([...v2Stable, started('1.2.0', '1.1.0')]).when(rollBack({ version: '1.1.0' })).thenThrows('ROLLOUT.CANARY_IN_PROGRESS', ConflictError);
  });

  it('refuses to undo a pin', () => {
    spec.given([...v2Stable, pinned('1.1.0')]).when(rollBack({ version: '1.1.0' })).thenThrows('ROLLOUT.PINNED', ConflictError);
  });

  it('refuses without a reason', () => {
    spec.given(canaryOn1dot1).when(rollBack({ reason: '' })).thenThrows('ROLLOUT.REASON_REQUIRED', ValidationError);
  });

  it('refuses on a stream that never rolled out', () => {
    spec.given([]).when(rollBack()).thenThrows('ROLLOUT.NOT_STARTED', ConflictError);
  });
});
