import fc from 'fast-check';
import { foldEvents } from '@edict/core';
import type { RolloutEvent } from '@edict/contracts';
import { digestOf, disabled, madeStable, pinned, promoted, started } from '../rollout/__fixtures__/rollout.fixtures';
import { rolloutDecider } from '../rollout/rollout.decider';
import { servingVersionFor } from './serving-version';

const stateOf = (events: RolloutEvent[]) => foldEvents(rolloutDecider, events);
const v2Stable = [...madeStable('1.0.0'), ...madeStable('1.1.0', '1.0.0')];
const canaryAt50 = [...v2Stable, started('1.2.0', '1.1.0'), promoted('1.2.0', 10, 50)];

describe('servingVersionFor', () => {
  it('serves nothing on a stream that never rolled out', () => {
    expect(servingVersionFor(rolloutDecider.initialState(), 3)).toEqual({ kind: 'none' });
  });

  it('serves nothing outside a first canary', () => {
    expect(servingVersionFor(stateOf([started('1.0.0')]), 50)).toEqual({ kind: 'none' });
  });

  it('serves the canary below its percentage and stable above it', () => {
    const state = stateOf(canaryAt50);
    expect(servingVersionFor(state, 49)).toEqual({ kind: 'version', version: '1.2.0', digest: digestOf('1.2.0'), canary: true, pinned: false });
    expect(servingVersionFor(state, 50)).toEqual({ kind: 'version', version: '1.1.0', digest: digestOf('1.1.0'), canary: false, pinned: false });
  });

  it('serves a pinned version to every cohort', () => {
    const state = stateOf([...v2Stable, pinned('1.0.0')]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), (cohort) => {
      expect(servingVersionFor(state, cohort)).toMatchObject({ version: '1.0.0', pinned: true });
    }));
  });

  it('answers by the kill switch mode when disabled, whatever else holds', () => {
    expect(servingVersionFor(stateOf([...canaryAt50, disabled]), 0)).toEqual({ kind: 'disabled', mode: 'fail-closed' });
  });
});
