import fc from 'fast-check';
import { Pool } from 'pg';
import { addDecision, closeWindows, createWindowAggregator } from '@edict/decision-log-domain';
import { aDecision, uniqueName } from '@edict/testing';
import { DecisionLogMigrator } from './decision-log.migrator';
import { DecisionLogRepository } from './decision-log.repository';
import { DecisionWindowsRepository } from './decision-windows.repository';

const MINUTE = 60_000;
const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const schema = uniqueName('dl_windows').replace(/-/g, '_');
const origin = { topic: 'decisions', partition: 0 };
let pool: Pool;

const repos = () => {
  const migrator = new DecisionLogMigrator(pool);
  return { decisions: new DecisionLogRepository(pool, migrator), windows: new DecisionWindowsRepository(pool, migrator) };
};
/** Every closed window (latest revision) in the domain closer's order, without the revision. */
const allWindows = async (windows: DecisionWindowsRepository) =>
  (await windows.list({ limit: 1000 })).map(({ window: { revision: _revision, costSum: _cost, ...w } }) => w).sort((a, b) =>
    a.windowStart.localeCompare(b.windowStart) || a.policyId.localeCompare(b.policyId) || a.version.localeCompare(b.version) || Number(a.canary) - Number(b.canary));
const truncate = () => pool.query(`TRUNCATE "${schema}".decisions, "${schema}".decision_log_window_counts, "${schema}".decision_log_partitions`);

beforeAll(async () => {
  process.env['EDICT_DB_SCHEMA'] = schema;
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 6 });
  await repos().windows.list({ limit: 1 }); // migrates
});
beforeEach(truncate);
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe('decision windows in Postgres', () => {
  it('counts batches exactly like the domain aggregator, redeliveries included', async () => {
    const ref = (policyId: string, version: string, canary: boolean) => ({ policyId, version, cohort: 1, canary });
    const spec = fc.record({
      offsetMs: fc.integer({ min: 0, max: 3 * MINUTE - 1 }),
      version: fc.constantFrom('2.0.0', '2.1.0', null),
      refs: fc.array(fc.tuple(fc.constantFrom('org/payments', 'teams/pay/refunds'), fc.constantFrom('1.0.0', '2.1.0'), fc.boolean()), { maxLength: 3 }),
      effect: fc.constantFrom('allow' as const, 'deny' as const, 'require_approval' as const),
      error: fc.boolean(),
      noMatch: fc.boolean(),
      evaluationNs: fc.integer({ min: 0, max: 10_000_000 }),
      batchCut: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(fc.array(spec, { maxLength: 40 }), async (specs) => {
      await truncate();
      const ds = specs.map((s, i) => aDecision({
        decisionId: `d-${i}`, timestamp: iso(T0 + s.offsetMs), version: s.version, evaluationNs: s.evaluationNs,
        bundles: s.refs.map(([p, v, c]) => ref(p, v, c)),
      }, { effect: s.effect, noMatch: s.noMatch, ...(s.error ? { error: { code: 'E', message: 'e' } } : {}) }));
      const { decisions, windows } = repos();
      const batches: (typeof ds)[] = [[]];
      ds.forEach((d, i) => (specs[i]?.batchCut ? batches.push([d]) : batches[batches.length - 1]?.push(d)));
      let stored = 0;
      for (const b of batches) stored += (await decisions.store(b, MINUTE, origin)).stored;
      for (const b of batches) expect((await decisions.store(b, MINUTE, origin)).stored).toBe(0); // redelivered: adds nothing
      expect(stored).toBe(ds.length);
      await windows.closeAndAmend(T0 + 3 * MINUTE);
      const reference = closeWindows(ds.reduce(addDecision, createWindowAggregator(MINUTE)), iso(T0 + 3 * MINUTE)).closed;
      expect(await allWindows(windows)).toEqual(reference);
    }), { numRuns: 15 });
  });

  it('closes only windows the watermark passed, and amends a closed window with the next revision', async () => {
    const { decisions, windows } = repos();
    await decisions.store([aDecision({ decisionId: 'a', timestamp: iso(T0 + 1000) }), aDecision({ decisionId: 'b', timestamp: iso(T0 + MINUTE + 1000) })], MINUTE, origin);
    expect(await windows.closeAndAmend(null)).toEqual({ closed: 0, amended: 0 });
    expect(await windows.closeAndAmend(T0 + MINUTE)).toEqual({ closed: 1, amended: 0 });
    expect((await windows.list({ limit: 10 })).map((w) => [w.window.windowStart, w.window.total, w.window.revision])).toEqual([[iso(T0), 1, 1]]);

    const late = await decisions.store([aDecision({ decisionId: 'c', timestamp: iso(T0 + 2000) }, { effect: 'deny' })], MINUTE, origin);
    expect(late).toEqual({ stored: 1, late: 1 });
    expect(await windows.closeAndAmend(T0 + MINUTE)).toEqual({ closed: 0, amended: 1 });
    const [amended] = await windows.list({ limit: 10 });
    expect(amended).toMatchObject({ window: { total: 2, denies: 1, revision: 2 }, late: 1 });
    expect(await windows.closeAndAmend(T0 + MINUTE)).toEqual({ closed: 0, amended: 0 });
  });

  it('keeps each revision pending until it is published, a newer one after an older', async () => {
    const { decisions, windows } = repos();
    await decisions.store([aDecision({ decisionId: 'a' })], MINUTE, origin);
    await windows.closeAndAmend(T0 + MINUTE);
    const [first] = await windows.unpublished(10);
    await decisions.store([aDecision({ decisionId: 'b' })], MINUTE, origin);
    await windows.closeAndAmend(T0 + MINUTE);
    await windows.markPublished(first ? [first] : []); // revision 1 went out while revision 2 closed
    const pending = await windows.unpublished(10);
    expect(pending.map((w) => [w.window.revision, w.window.total])).toEqual([[2, 2]]);
    expect(pending[0]?.eventId).not.toBe(first?.eventId);
    await windows.markPublished(pending);
    expect(await windows.unpublished(10)).toEqual([]);
  });

  it('sums the declared cost (request.context.cost) per window, across batches', async () => {
    const { decisions, windows } = repos();
    const costing = (id: string, cost: number) => aDecision({ decisionId: id, request: { agent: 'a', action: 'b', resource: 'c', context: { cost } } });
    await decisions.store([costing('a', 1.25), costing('b', 2)], MINUTE, origin);
    await decisions.store([costing('c', 0.75), costing('a', 1.25)], MINUTE, origin); // 'a' redelivered
    await windows.closeAndAmend(T0 + MINUTE);
    expect((await windows.list({ limit: 10 })).map((w) => [w.window.total, w.window.costSum])).toEqual([[3, 4]]);
  });

  it('records the newest decision time per partition, never backwards', async () => {
    const { decisions, windows } = repos();
    await decisions.store([aDecision({ decisionId: 'a', timestamp: iso(T0 + 5000) })], MINUTE, origin);
    await decisions.store([aDecision({ decisionId: 'b', timestamp: iso(T0 + 1000) })], MINUTE, origin);
    await decisions.store([aDecision({ decisionId: 'c', timestamp: iso(T0 + 9000) })], MINUTE, { ...origin, partition: 2 });
    expect(await windows.partitionPositions('decisions')).toEqual(new Map([[0, T0 + 5000], [2, T0 + 9000]]));
  });

  it('never loses a decision between ingest and a concurrent closer: closed totals plus amendments equal what was stored', async () => {
    const { decisions, windows } = repos();
    const ingest = (async () => {
      for (let b = 0; b < 40; b++) {
        const batch = Array.from({ length: 25 }, (_, i) => aDecision({ decisionId: `r-${b}-${i}`, timestamp: iso(T0 + ((b * 25 + i) % 120) * 1000) }));
        await decisions.store(batch, MINUTE, origin);
      }
    })();
    const closer = (async () => {
      for (let round = 0; round < 30; round++) await windows.closeAndAmend(T0 + MINUTE);
    })();
    await Promise.all([ingest, closer]);
    await windows.closeAndAmend(T0 + 2 * MINUTE);
    const total = (await windows.list({ limit: 100 })).reduce((n, w) => n + w.window.total, 0);
    expect(total).toBe(1000);
    expect(await windows.closeAndAmend(T0 + 2 * MINUTE)).toEqual({ closed: 0, amended: 0 });
  });
});
