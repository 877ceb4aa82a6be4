import { ValidationError } from '@edict/core';
import type { RolloutSchedule, RolloutStarted } from '@edict/contracts';
import { deciderSpec } from '@edict/testing';
import { disabled, failed, madeStable, passed, paused, pinned, promote, promoted, start, started, T0, T1 } from './__fixtures__/rollout.fixtures';
import { AUTO_PROMOTE_ACTOR, autoPromotion } from './auto-promote';
import { rolloutDecider } from './rollout.decider';

const spec = deciderSpec(rolloutDecider);
const custom: RolloutSchedule = { steps: [5, 25, 100], soakSeconds: 3600, autoPromote: true };
const startedOn = (version: string, schedule: RolloutSchedule, stable: string | null = null): RolloutStarted => {
  const base = started(version, stable);
  return { ...base, data: { ...base.data, percentage: schedule.steps[0] ?? 100, schedule } };
};

describe('a canary schedule of the bundle\'s own (spec.rollout)', () => {
  it('starts at the first declared step and records the schedule on RolloutStarted', () => {
    const state = spec.given([]).when(start('1.0.0', { schedule: custom })).then([startedOn('1.0.0', custom)]);
    expect(state).toMatchObject({ canary: { percentage: 5, steps: [5, 25, 100], soakSeconds: 3600, autoPromote: true } });
  });

  it('without one, keeps the runbook\'s 10 → 50 → 100, the service\'s soak, promotion by hand', () => {
    const state = spec.given([]).when(start('1.0.0')).then([started('1.0.0')]);
    expect(state).toMatchObject({ canary: { percentage: 10, steps: [10, 50, 100], soakSeconds: null, autoPromote: false } });
  });

  it('promotes along the declared steps: 5 → 25 → 100, where the version becomes stable', () => {
    spec.given([startedOn('1.0.0', custom)]).when(promote()).then([promoted('1.0.0', 5, 25)]);
    const state = spec.given([startedOn('1.0.0', custom), promoted('1.0.0', 5, 25)]).when(promote()).then([promoted('1.0.0', 25, 100)]);
    expect(state).toMatchObject({ stable: { version: '1.0.0' }, canary: null });
  });

  it('a two-step schedule goes straight from its first step to 100', () => {
    const quick: RolloutSchedule = { steps: [1, 100], autoPromote: false };
    spec.given([startedOn('2.0.0', quick)]).when(promote()).then([promoted('2.0.0', 1, 100)]);
  });

  it.each([
    [{ steps: [50, 10, 100], autoPromote: false }],
    [{ steps: [10, 50], autoPromote: false }],
    [{ steps: [100], autoPromote: false }],
    [{ steps: [0, 100], autoPromote: false }],
    [{ steps: [2.5, 100], autoPromote: false }],
    [{ steps: [10, 100], soakSeconds: -1, autoPromote: false }],
  ])('refuses the schedule %o and records nothing', (schedule: RolloutSchedule) => {
    spec.given([]).when(start('1.0.0', { schedule })).thenThrows('ROLLOUT.SCHEDULE_INVALID', ValidationError);
  });
});

describe('autoPromotion (distribution, after a gate evaluation)', () => {
  const auto = [...madeStable('1.0.0'), startedOn('1.1.0', custom, '1.0.0')];
  const folded = auto.reduce(rolloutDecider.evolve, rolloutDecider.initialState());

  it('promotes a canary that asked for it once its gates passed, recorded as a normal promotion by system:auto-promote', () => {
    const command = autoPromotion(folded, passed, T1);
    expect(command).toEqual({ type: 'PromoteRollout', data: { by: AUTO_PROMOTE_ACTOR, at: T1, gate: passed } });
    const state = spec.given(auto).when(command ?? promote()).then([{ ...promoted('1.1.0', 5, 25), data: { ...promoted('1.1.0', 5, 25).data, promotedBy: 'system:auto-promote' } }]);
    expect(state).toMatchObject({ canary: { percentage: 25, autoPromote: true } });
  });

  it.each([
    ['the gates failed', auto, failed],
    ['the schedule does not ask for it (the default)', [...madeStable('1.0.0'), started('1.1.0', '1.0.0')], passed],
    ['the canary is paused', [...auto, paused('1.1.0', 5)], passed],
    ['the policy is disabled', [...auto, disabled], passed],
    ['no canary runs', madeStable('1.0.0'), passed],
  ])('does nothing when %s', (_why, events, gate) => {
    expect(autoPromotion(events.reduce(rolloutDecider.evolve, rolloutDecider.initialState()), gate, T0)).toBeNull();
  });

  it('does nothing while a version is pinned', () => {
    const state = [...madeStable('1.0.0'), pinned('1.0.0')].reduce(rolloutDecider.evolve, rolloutDecider.initialState());
    expect(autoPromotion(state, passed, T0)).toBeNull();
  });
});
