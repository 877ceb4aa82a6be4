import fc from 'fast-check';
import { Pool } from 'pg';
import { addDecision, closeWindows, createWindowAggregator } from '@edict/decision-log-domain';
import { aDecision, uniqueName } from '@edict/testing';
import { alignDown } from '../windows/window-schedule';
import { DecisionLogMigrator } from './decision-log.migrator';
import { DecisionLogRepository } from './decision-log.repository';
import { DecisionWindowsRepository } from './decision-windows.repository';

const MINUTE = 60_000;
const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const schema = uniqueName('dl_windows').replace(/-/g, '_');
let pool: Pool;

/** A restart: new instances over the same tables (nothing kept in memory). */
const fresh = () => {
  const migrator = new DecisionLogMigrator(pool);
  return { decisions: new DecisionLogRepository(pool, migrator), windows: new DecisionWindowsRepository(pool, migrator) };
};
const closeAll = async (windows: DecisionWindowsRepository, upTo: number, length = MINUTE, max = 60): Promise<number> => {
  let closed = 0;
  for (let step = await windows.closeNext(upTo, length, max); step; step = await windows.closeNext(upTo, length, max)) closed += step.windows;
  return closed;
};
/** Every closed window in the domain closer's order: oldest first, then policy, version, canary flag. */
const allWindows = async (windows: DecisionWindowsRepository) =>
  (await windows.list({ limit: 1000 })).map((w) => w.window).sort((a, b) =>
    a.windowStart.localeCompare(b.windowStart) || a.policyId.localeCompare(b.policyId) || a.version.localeCompare(b.version) || Number(a.canary) - Number(b.canary));

beforeAll(() => {
  process.env['EDICT_DB_SCHEMA'] = schema;
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 6 });
});
beforeEach(async () => {
  await fresh().windows.list({ limit: 1 }); // migrates
  await pool.query(`TRUNCATE "${schema}".decisions, "${schema}".decision_log_windows; UPDATE "${schema}".decision_log_checkpoints SET closed_through = NULL`);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe('decision windows in Postgres', () => {
  it('aggregates exactly like the domain aggregator, whatever the decisions', async () => {
    const ref = (policyId: string, version: string, canary: boolean) => ({ policyId, version, cohort: 1, canary });
    const spec = fc.record({
      offsetMs: fc.integer({ min: 0, max: 3 * MINUTE - 1 }),
      version: fc.constantFrom('2.0.0', '2.1.0', null),
      refs: fc.array(fc.tuple(fc.constantFrom('org/payments', 'teams/pay/refunds'), fc.constantFrom('1.0.0', '2.1.0'), fc.boolean()), { maxLength: 3 }),
      effect: fc.constantFrom('allow' as const, 'deny' as const, 'require_approval' as const),
      error: fc.boolean(),
      noMatch: fc.boolean(),
      evaluationNs: fc.integer({ min: 0, max: 10_000_000 }),
    });
    await fc.assert(fc.asyncProperty(fc.array(spec, { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), async (specs, closedMinutes) => {
      await pool.query(`TRUNCATE "${schema}".decisions, "${schema}".decision_log_windows; UPDATE "${schema}".decision_log_checkpoints SET closed_through = NULL`);
      const ds = specs.map((s, i) => aDecision({
        decisionId: `d-${i}`, timestamp: iso(T0 + s.offsetMs), version: s.version, evaluationNs: s.evaluationNs,
        bundles: s.refs.map(([p, v, c]) => ref(p, v, c)),
      }, { effect: s.effect, noMatch: s.noMatch, ...(s.error ? { error: { code: 'E', message: 'e' } } : {}) }));
      const { decisions, windows } = fresh();
      if (ds.length > 0) await decisions.store(ds);
      const upTo = T0 + closedMinutes * MINUTE;
      await closeAll(windows, upTo);
      const expected = closeWindows(ds.reduce(addDecision, createWindowAggregator(MINUTE)), iso(upTo)).closed;
      const oldest = Math.min(...specs.map((s) => T0 + s.offsetMs));
      // the first close starts at the oldest decision's window, so the domain's windows are all there
      expect(ds.length === 0 || alignDown(oldest, MINUTE) >= T0).toBe(true);
      expect(await allWindows(windows)).toEqual(expected);
    }), { numRuns: 25 });
  });

  it('resumes at the checkpoint after a restart: no window skipped, none repeated', async () => {
    const ds = [0, 1, 2, 3].map((m) => aDecision({ decisionId: `d-${m}`, timestamp: iso(T0 + m * MINUTE + 5000) }));
    await fresh().decisions.store(ds);
    expect(await closeAll(fresh().windows, T0 + 2 * MINUTE)).toBe(2);
    const afterRestart = fresh().windows;
    expect(await afterRestart.closeNext(T0 + 2 * MINUTE, MINUTE, 60)).toBeNull();
    expect(await closeAll(afterRestart, T0 + 4 * MINUTE)).toBe(2);
    expect((await allWindows(afterRestart)).map((w) => [w.windowStart, w.total])).toEqual([0, 1, 2, 3].map((m) => [iso(T0 + m * MINUTE), 1]));
  });

  it('closes a backlog in bounded steps and records the present when nothing is stored', async () => {
    const { decisions, windows } = fresh();
    expect(await windows.closeNext(T0, MINUTE, 60)).toEqual({ range: { from: T0, to: T0 }, windows: 0 });
    expect(await windows.closeNext(T0, MINUTE, 60)).toBeNull();
    await decisions.store([aDecision({ decisionId: 'x', timestamp: iso(T0 + 10 * MINUTE) })]);
    expect(await windows.closeNext(T0 + 20 * MINUTE, MINUTE, 4)).toEqual({ range: { from: T0, to: T0 + 4 * MINUTE }, windows: 0 });
    expect(await closeAll(windows, T0 + 20 * MINUTE, MINUTE, 4)).toBe(1);
  });

  it('finds decisions for closed windows late: stored, counted in no window; redeliveries count nothing', async () => {
    const { decisions, windows } = fresh();
    await decisions.store([aDecision({ decisionId: 'on-time', timestamp: iso(T0 + 1000) })]);
    await closeAll(windows, T0 + MINUTE);
    expect(await decisions.store([aDecision({ decisionId: 'late', timestamp: iso(T0 + 2000) })])).toEqual({ stored: 1, late: 1 });
    expect(await decisions.store([aDecision({ decisionId: 'next', timestamp: iso(T0 + MINUTE) })])).toEqual({ stored: 1, late: 0 });
    expect(await decisions.store([aDecision({ decisionId: 'late', timestamp: iso(T0 + 2000) })])).toEqual({ stored: 0, late: 0 });
    await closeAll(windows, T0 + 2 * MINUTE);
    expect((await allWindows(windows)).map((w) => w.total)).toEqual([1, 1]);
    expect((await decisions.query({ limit: 10 })).map((d) => d.decisionId).sort()).toEqual(['late', 'next', 'on-time']);
  });

  it('keeps closed windows unpublished until marked, and lists them by policy, version and cohort', async () => {
    const { decisions, windows } = fresh();
    const canary = { policyId: 'org/payments', version: '2.1.0', cohort: 3, canary: true };
    await decisions.store([aDecision({ decisionId: 'a' }), aDecision({ decisionId: 'b', version: '2.1.0', bundles: [canary] }, { effect: 'deny' })]);
    await closeAll(windows, T0 + MINUTE);
    const pending = await windows.unpublished(10);
    expect(pending.map((w) => [w.window.version, w.window.canary, w.window.denies, w.publishedAt])).toEqual([['2.0.0', false, 0, null], ['2.1.0', true, 1, null]]);
    await windows.markPublished([pending[1]!.window]);
    expect((await windows.unpublished(10)).map((w) => w.eventId)).toEqual([pending[0]!.eventId]);
    expect((await windows.list({ policyId: 'org/payments', canary: true, limit: 10 })).map((w) => [w.eventId, w.publishedAt !== null])).toEqual([[pending[1]!.eventId, true]]);
    expect(await windows.list({ policyId: 'org/other', limit: 10 })).toEqual([]);
  });

  it('counts every decision once, in a window or as late, while ingest and closing race', async () => {
    const { decisions, windows } = fresh();
    const length = 50;
    let late = 0;
    let stored = 0;
    const ingest = async (worker: number): Promise<void> => {
      for (let i = 0; i < 60; i++) {
        const r = await decisions.store([aDecision({ decisionId: `w${worker}-${i}`, timestamp: iso(Date.now() - (i % 4) * 40) })]);
        stored += r.stored;
        late += r.late;
      }
    };
    const closer = async (done: () => boolean): Promise<void> => {
      while (!done()) await closeAll(windows, alignDown(Date.now(), length), length);
    };
    let finished = false;
    await Promise.all([Promise.all([0, 1, 2].map(ingest)).then(() => (finished = true)), closer(() => finished)]);
    await closeAll(windows, alignDown(Date.now(), length) + 10 * length, length);
    const counted = (await windows.list({ limit: 1000 })).reduce((n, w) => n + w.window.total, 0);
    expect(stored).toBe(180);
    expect(counted + late).toBe(stored);
  });
});
