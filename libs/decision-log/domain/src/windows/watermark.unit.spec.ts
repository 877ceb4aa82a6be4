import { closableThrough, watermarkOf } from './watermark';

const NOW = 1_000_000;

describe('event-time watermark', () => {
  it('is the oldest position of every partition', () => {
    expect(watermarkOf([
      { partition: 0, caughtUp: false, maxEventMs: 900_000 },
      { partition: 1, caughtUp: false, maxEventMs: 950_000 },
    ], 2, NOW)).toBe(900_000);
  });

  it('does not wait for a caught-up partition: it stands at now', () => {
    expect(watermarkOf([
      { partition: 0, caughtUp: true, maxEventMs: null },
      { partition: 1, caughtUp: false, maxEventMs: 950_000 },
    ], 2, NOW)).toBe(950_000);
    expect(watermarkOf([{ partition: 0, caughtUp: true, maxEventMs: 10 }], 1, NOW)).toBe(NOW);
  });

  it('is unknown until every partition reported', () => {
    expect(watermarkOf([{ partition: 0, caughtUp: true, maxEventMs: null }], 2, NOW)).toBeNull();
    expect(watermarkOf([{ partition: 0, caughtUp: false, maxEventMs: null }], 1, NOW)).toBeNull();
    expect(watermarkOf([], 0, NOW)).toBeNull();
  });

  it('lets windows close once the watermark less the lateness passed their end', () => {
    expect(closableThrough(125_000, 2000, 60_000)).toBe(120_000);
    expect(closableThrough(121_999, 2000, 60_000)).toBe(60_000);
  });
});
