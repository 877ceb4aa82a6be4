import fc from 'fast-check';
import { alignDown, closableThrough, msUntilNextClose, nextCloseRange, type CloseInput } from './window-schedule';

const at = (iso: string): number => Date.parse(iso);
const S = 1000;
const base: CloseInput = { closedThroughMs: null, oldestDecisionMs: null, upToMs: at('2025-03-01T10:05:00Z'), lengthMs: 60 * S, maxWindows: 10 };

describe('window schedule', () => {
  it('closes windows that ended at least the grace ago', () => {
    expect(closableThrough(at('2025-03-01T10:01:01.999Z'), 60 * S, 2 * S)).toBe(at('2025-03-01T10:00:00Z'));
    expect(closableThrough(at('2025-03-01T10:01:02Z'), 60 * S, 2 * S)).toBe(at('2025-03-01T10:01:00Z'));
    expect(alignDown(at('2025-03-01T10:00:03.5Z'), 2 * S)).toBe(at('2025-03-01T10:00:02Z'));
  });

  it('waits until the next window end plus the grace', () => {
    expect(msUntilNextClose(at('2025-03-01T10:00:30Z'), 60 * S, 2 * S)).toBe(32 * S);
    expect(msUntilNextClose(at('2025-03-01T10:01:02Z'), 60 * S, 2 * S)).toBe(60 * S);
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: 1, max: 120_000 }), fc.nat(10_000), (now, length, grace) => {
      const wait = msUntilNextClose(now, length, grace);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(length);
      expect(closableThrough(now + wait, length, grace)).toBe(closableThrough(now, length, grace) + length);
    }));
  });

  it('starts a first close at the oldest decision\'s window, or records the present when none is stored', () => {
    expect(nextCloseRange({ ...base, oldestDecisionMs: at('2025-03-01T10:02:30Z') })).toEqual({ from: at('2025-03-01T10:02:00Z'), to: base.upToMs });
    expect(nextCloseRange(base)).toEqual({ from: base.upToMs, to: base.upToMs });
    expect(nextCloseRange({ ...base, oldestDecisionMs: at('2025-03-01T11:00:00Z') })).toEqual({ from: base.upToMs, to: base.upToMs });
  });

  it('resumes at the checkpoint and has nothing to do until another window ended', () => {
    expect(nextCloseRange({ ...base, closedThroughMs: at('2025-03-01T10:03:00Z') })).toEqual({ from: at('2025-03-01T10:03:00Z'), to: base.upToMs });
    expect(nextCloseRange({ ...base, closedThroughMs: base.upToMs })).toBeNull();
    expect(nextCloseRange({ ...base, closedThroughMs: base.upToMs + 60 * S })).toBeNull();
  });

  it('closes a backlog in ranges of at most maxWindows windows', () => {
    expect(nextCloseRange({ ...base, closedThroughMs: at('2025-03-01T09:00:00Z') })).toEqual({ from: at('2025-03-01T09:00:00Z'), to: at('2025-03-01T09:10:00Z') });
  });

  it('cuts the first window short after the length changed (checkpoint not on the new grid)', () => {
    const range = nextCloseRange({ ...base, closedThroughMs: at('2025-03-01T10:00:30Z'), maxWindows: 1 });
    expect(range).toEqual({ from: at('2025-03-01T10:00:30Z'), to: at('2025-03-01T10:01:00Z') });
  });

  it('covers every instant exactly once from the first close to upTo, whatever the steps', () => {
    const input = fc.record({ oldest: fc.integer({ min: 0, max: 10_000 }), upTo: fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 8 }), max: fc.integer({ min: 1, max: 5 }) });
    fc.assert(fc.property(input, ({ oldest, upTo, max }) => {
      let closed: number | null = null;
      const ranges: { from: number; to: number }[] = [];
      for (const limit of upTo) {
        for (let r = nextCloseRange({ closedThroughMs: closed, oldestDecisionMs: oldest, upToMs: alignDown(limit, 100), lengthMs: 100, maxWindows: max }); r; ) {
          ranges.push(r);
          closed = r.to;
          r = nextCloseRange({ closedThroughMs: closed, oldestDecisionMs: oldest, upToMs: alignDown(limit, 100), lengthMs: 100, maxWindows: max });
        }
      }
      ranges.forEach((r, i) => {
        expect(r.to).toBeGreaterThanOrEqual(r.from);
        if (i > 0) expect(r.from).toBe(ranges[i - 1]!.to);
      });
    }));
  });
});
