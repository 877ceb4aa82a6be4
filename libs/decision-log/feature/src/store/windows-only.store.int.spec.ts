import { Pool } from 'pg';
import { aDecision, uniqueName } from '@edict/testing';
import { DecisionLogMigrator } from './decision-log.migrator';
import { DecisionWindowsRepository } from './decision-windows.repository';
import { WindowsOnlyRepository } from './windows-only.repository';

const MINUTE = 60_000;
const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const schema = uniqueName('dl_wonly').replace(/-/g, '_');
const origin = { group: 'edict-decision-log', topic: 'decisions', partition: 0 };
let pool: Pool;

const repos = () => {
  const migrator = new DecisionLogMigrator(pool);
  return { counts: new WindowsOnlyRepository(pool, migrator), windows: new DecisionWindowsRepository(pool, migrator) };
};
/** Decisions at offsets from…to-1, one a second from T0. */
const at = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => ({ offset: from + k, decision: aDecision({ decisionId: `d-${from + k}`, timestamp: iso(T0 + (from + k) * 1000) }) }));
const sum = async (): Promise<number> =>
  Number((await pool.query<{ n: string }>(`SELECT coalesce(sum(total), 0) AS n FROM "${schema}".decision_log_window_counts`)).rows[0]?.n);

beforeAll(async () => {
  process.env['EDICT_DB_SCHEMA'] = schema;
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 6 });
  await repos().counts.countedUpTo(origin); // migrates
});
beforeEach(() => pool.query(`TRUNCATE "${schema}".consumer_offsets, "${schema}".decision_log_window_counts, "${schema}".decision_log_partitions`));
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe('the windows-only store (counts and offsets, no decision rows)', () => {
  it('counts a batch once: a redelivery adds nothing, an overlapping one only its new offsets', async () => {
    const { counts } = repos();
    expect(await counts.countedUpTo(origin)).toBe(0);
    expect(await counts.count(at(0, 50), MINUTE, origin, 50)).toEqual({ stored: 50, late: 0 });
    expect(await counts.count(at(0, 50), MINUTE, origin, 50)).toEqual({ stored: 0, late: 0 });
    expect(await counts.count(at(30, 80), MINUTE, origin, 80)).toEqual({ stored: 30, late: 0 });
    expect(await counts.countedUpTo(origin)).toBe(80);
    expect(await counts.countedUpTo({ ...origin, partition: 1 })).toBe(0);
    expect(await sum()).toBe(80);
    expect(Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".decisions`)).rows[0]?.n)).toBe(0);
  });

  it('moves the offset past messages without a decision and never backwards', async () => {
    const { counts } = repos();
    await counts.count([], MINUTE, origin, 10);
    expect(await counts.countedUpTo(origin)).toBe(10);
    expect(await counts.count(at(5, 12), MINUTE, origin, 12)).toEqual({ stored: 2, late: 0 });
    await counts.count([], MINUTE, origin, 3);
    expect(await counts.countedUpTo(origin)).toBe(12);
  });

  it('counts each message once when two consumers race over the same partition', async () => {
    const { counts } = repos();
    await Promise.all([0, 1, 2, 3].map(() => counts.count(at(0, 200), MINUTE, origin, 200)));
    expect(await sum()).toBe(200);
  });

  it('feeds the watermark and amends a closed window with a late decision', async () => {
    const { counts, windows } = repos();
    await counts.count(at(0, 2), MINUTE, origin, 2);
    expect(await windows.partitionPositions('decisions')).toEqual(new Map([[0, T0 + 1000]]));
    expect(await windows.closeAndAmend(T0 + MINUTE)).toEqual({ closed: 1, amended: 0 });
    const late = [{ offset: 2, decision: aDecision({ decisionId: 'late', timestamp: iso(T0 + 500) }, { effect: 'deny' }) }];
    expect(await counts.count(late, MINUTE, origin, 3)).toEqual({ stored: 1, late: 1 });
    expect(await windows.closeAndAmend(T0 + MINUTE)).toEqual({ closed: 0, amended: 1 });
    expect((await windows.list({ limit: 10 }))[0]).toMatchObject({ window: { total: 3, denies: 1, revision: 2 }, late: 1 });
  });
});
