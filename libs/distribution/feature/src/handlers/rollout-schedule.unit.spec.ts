import { scheduleOf } from './rollout-schedule';

describe('scheduleOf (spec.rollout of a bundle document)', () => {
  it('is undefined when the bundle declares no schedule', () => {
    expect(scheduleOf({ spec: { rules: [] } })).toBeUndefined();
    expect(scheduleOf({})).toBeUndefined();
  });

  it('reads steps, soak and auto-promotion; steps default to 10 → 50 → 100, auto-promotion to off', () => {
    expect(scheduleOf({ spec: { rollout: { steps: [5, 25, 100], soakSeconds: 60, autoPromote: true } } })).toEqual({ steps: [5, 25, 100], soakSeconds: 60, autoPromote: true });
    expect(scheduleOf({ spec: { rollout: { soakSeconds: 0 } } })).toEqual({ steps: [10, 50, 100], soakSeconds: 0, autoPromote: false });
  });
});
