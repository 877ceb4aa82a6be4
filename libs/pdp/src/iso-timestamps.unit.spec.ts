import { IsoTimestamps } from './iso-timestamps';

const clockOf = (times: readonly (number | string)[]) => {
  let i = 0;
  return { now: () => new Date(times[i++]!) };
};

describe('IsoTimestamps', () => {
  it('gives toISOString of every instant the clock gives, the same millisecond twice or not', () => {
    const times = [0, 0, 1, 1_700_000_000_123, 1_700_000_000_123, 1_700_000_000_124, -1, 8.64e15];
    const stamps = new IsoTimestamps(clockOf(times));
    expect(times.map(() => stamps.now())).toEqual(times.map((t) => new Date(t).toISOString()));
  });

  it('throws as toISOString does for an invalid date, and goes on after it', () => {
    const stamps = new IsoTimestamps(clockOf(['not a date', 'not a date', 5]));
    expect(() => stamps.now()).toThrow(RangeError);
    expect(() => stamps.now()).toThrow(RangeError);
    expect(stamps.now()).toBe('1970-01-01T00:00:00.005Z');
  });
});
