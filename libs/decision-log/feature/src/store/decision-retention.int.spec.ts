import { Pool } from 'pg';
import { createLogger } from '@edict/observability';
import { aDecision, uniqueName } from '@edict/testing';
import { decisionLogConfigFromEnv } from '../config/decision-log.config';
import { DecisionLogMigrator } from './decision-log.migrator';
import { DecisionLogRepository } from './decision-log.repository';
import { DecisionRetention } from './decision-retention.service';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T09:30:00.000Z');
const schema = uniqueName('dl_retention').replace(/-/g, '_');
let pool: Pool;

const partitions = async (): Promise<string[]> => (await pool.query<{ relname: string }>(
  `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"${schema}".decisions'::regclass ORDER BY 1`)).rows.map((r) => r.relname);
const storedIds = async (): Promise<string[]> =>
  (await pool.query<{ decision_id: string }>(`SELECT decision_id FROM "${schema}".decisions ORDER BY 1`)).rows.map((r) => r.decision_id);

const decisionColumnType = async (of: string): Promise<string | undefined> => (await pool.query<{ t: string }>(
  `SELECT atttypid::regtype::text AS t FROM pg_attribute WHERE attrelid = '"${of}".decisions'::regclass AND attname = 'decision'`)).rows[0]?.t;

beforeAll(() => {
  process.env['EDICT_DB_SCHEMA'] = schema;
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 4 });
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe('raw decisions in day partitions, with retention', () => {
  it('stores each decision in its UTC day, creates days ahead, and drops the days past retention (DROP, not DELETE)', async () => {
    const migrator = new DecisionLogMigrator(pool);
    const repository = new DecisionLogRepository(pool, migrator);
    // decisions 40, 31, 30 and 0 days old: ingest creates the old days it needs itself
    const ages = [40, 31, 30, 0];
    const decisions = ages.map((age) => aDecision({ decisionId: `d-${age}`, timestamp: new Date(NOW - age * DAY).toISOString() }));
    expect(await repository.store(decisions, 60_000)).toMatchObject({ stored: 4 });
    expect(await partitions()).toEqual(['decisions_20261022', 'decisions_20261031', 'decisions_20261101', 'decisions_20261201']);

    const retention = new DecisionRetention(decisionLogConfigFromEnv({ EDICT_DECISION_RETENTION_DAYS: '30' }), { now: () => new Date(NOW) },
      createLogger('decision-log-test', { level: 'silent' }), migrator);
    expect(await retention.run(new Date(NOW))).toEqual(['decisions_20261022', 'decisions_20261031']);
    // today and the 30 days before it are kept; yesterday, tomorrow and the day after are there ahead of time
    expect(await partitions()).toEqual(['decisions_20261101', 'decisions_20261130', 'decisions_20261201', 'decisions_20261202', 'decisions_20261203']);
    expect(await storedIds()).toEqual(['d-0', 'd-30']);

    // a late decision of a dropped day: its partition is created again (this process forgot it), not refused
    expect(await repository.store([aDecision({ decisionId: 'd-late', timestamp: new Date(NOW - 35 * DAY).toISOString() })], 60_000)).toMatchObject({ stored: 1 });
    expect(await storedIds()).toEqual(['d-0', 'd-30', 'd-late']);
    expect(await retention.run(new Date(NOW))).toEqual(['decisions_20261027']);
  });

  it('recreates a day another replica dropped while this one still remembered it', async () => {
    const migrator = new DecisionLogMigrator(pool);
    const repository = new DecisionLogRepository(pool, migrator);
    const at = new Date(NOW - 50 * DAY).toISOString();
    await repository.store([aDecision({ decisionId: 'r-1', timestamp: at })], 60_000);
    await pool.query(`DROP TABLE "${schema}".decisions_20261012`); // as another replica's retention would
    expect(await repository.store([aDecision({ decisionId: 'r-2', timestamp: at })], 60_000)).toMatchObject({ stored: 1 });
    expect(await storedIds()).toContain('r-2');
  });

  it('converts a decisions table from before partitioning, keeping its rows', async () => {
    const legacy = uniqueName('dl_legacy').replace(/-/g, '_');
    try {
      await pool.query(`CREATE SCHEMA "${legacy}"; CREATE TABLE "${legacy}".decisions (
        decision_id text PRIMARY KEY, decided_at timestamptz NOT NULL, policy_id text NOT NULL, version text, subject text NOT NULL, effect text NOT NULL,
        rule text, no_match boolean NOT NULL, error_code text, canary boolean NOT NULL, evaluation_ns bigint NOT NULL, source text NOT NULL,
        decision jsonb NOT NULL, stored_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX decisions_time ON "${legacy}".decisions (decided_at);
        INSERT INTO "${legacy}".decisions VALUES ('old-1', '2026-11-02T23:59:59Z', 'org/x', '1.0.0', 's', 'allow', null, false, null, false, 1, 'pdp', '{}'),
                                                 ('old-2', '2026-11-03T00:00:00Z', 'org/x', '1.0.0', 's', 'deny', null, false, null, true, 1, 'pdp', '{}');`);
      process.env['EDICT_DB_SCHEMA'] = legacy;
      await new DecisionLogMigrator(pool).migrate();
      const { rows } = await pool.query<{ decision_id: string; part: string }>(
        `SELECT decision_id, (SELECT relname FROM pg_class WHERE oid = d.tableoid) AS part FROM "${legacy}".decisions d ORDER BY 1`);
      expect(rows).toEqual([{ decision_id: 'old-1', part: 'decisions_20261102' }, { decision_id: 'old-2', part: 'decisions_20261103' }]);
      expect((await pool.query(`SELECT to_regclass('"${legacy}".decisions_unpartitioned') AS t`)).rows[0]).toEqual({ t: null });
      expect(await decisionColumnType(legacy)).toBe('json');
    } finally {
      process.env['EDICT_DB_SCHEMA'] = schema;
      await pool.query(`DROP SCHEMA IF EXISTS "${legacy}" CASCADE`);
    }
  });

  it('turns a partitioned table whose decision column is jsonb (as first made) into json, keeping its rows', async () => {
    const early = uniqueName('dl_jsonb').replace(/-/g, '_');
    try {
      await pool.query(`CREATE SCHEMA "${early}"; CREATE TABLE "${early}".decisions (
        decision_id text NOT NULL, decided_at timestamptz NOT NULL, policy_id text NOT NULL, version text, subject text NOT NULL, effect text NOT NULL,
        rule text, no_match boolean NOT NULL, error_code text, canary boolean NOT NULL, evaluation_ns bigint NOT NULL, source text NOT NULL,
        decision jsonb NOT NULL, stored_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (decision_id, decided_at)) PARTITION BY RANGE (decided_at);
        CREATE TABLE "${early}".decisions_20261102 PARTITION OF "${early}".decisions FOR VALUES FROM ('2026-11-02 00:00:00+00') TO ('2026-11-03 00:00:00+00');
        INSERT INTO "${early}".decisions VALUES ('e-1', '2026-11-02T10:00:00Z', 'org/x', '1.0.0', 's', 'allow', null, false, null, false, 1, 'pdp', '{"a": 1}');`);
      process.env['EDICT_DB_SCHEMA'] = early;
      await new DecisionLogMigrator(pool).migrate();
      expect(await decisionColumnType(early)).toBe('json');
      expect((await pool.query(`SELECT decision FROM "${early}".decisions`)).rows).toEqual([{ decision: { a: 1 } }]);
    } finally {
      process.env['EDICT_DB_SCHEMA'] = schema;
      await pool.query(`DROP SCHEMA IF EXISTS "${early}" CASCADE`);
    }
  });
});
