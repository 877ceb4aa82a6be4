import { SlidingCounts } from './sliding-counts';

const deny = { deny: true, error: false, noMatch: false };
const allow = { deny: false, error: false, noMatch: false };

describe('SlidingCounts (2 s in 10 buckets of 200 ms)', () => {
  it('counts the decisions of the last 2 s of event time', () => {
    const c = new SlidingCounts(2000);
    for (let i = 0; i < 10; i++) c.add(10_000 + i * 100, i % 2 === 0 ? deny : allow);
    expect(c.totals()).toEqual({ total: 10, denies: 5, errors: 0, noMatches: 0, startMs: 9000, endMs: 11_000 });
  });

  it('drops what slid out of the window and ignores decisions older than it', () => {
    const c = new SlidingCounts(2000);
    c.add(10_000, deny);
    c.add(10_100, deny);
    c.add(12_500, allow);
    expect(c.totals()).toMatchObject({ total: 1, denies: 0 });
    c.add(9_000, deny);
    expect(c.totals()).toMatchObject({ total: 1, denies: 0, startMs: 10_600, endMs: 12_600 });
  });

  it('counts errors and no-matches too', () => {
    const c = new SlidingCounts(2000);
    c.add(1000, { deny: true, error: true, noMatch: false });
    c.add(1001, { deny: false, error: false, noMatch: true });
    expect(c.totals()).toMatchObject({ total: 2, denies: 1, errors: 1, noMatches: 1 });
  });
});
