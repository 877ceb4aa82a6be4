import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { BaseTopics } from '@edict/contracts';
import { createKafka } from '@edict/messaging';
import { freePort, repoRoot, startRestartableKafka, startRestartablePostgres, spawnService, uniqueName, waitReady, type RestartableInfra } from '@edict/testing';
import { sendDecisions } from './decision-traffic';

const root = repoRoot();
const SENT = 20_000;

/**
 * Decision-log (a process) ingests SENT decisions while `fault` is killed after the first half is
 * partly stored and started again: every decision must be stored once and counted in a closed,
 * published window.
 */
async function survives(infra: { brokers: string[]; databaseUrl: string }, fault: RestartableInfra<unknown>, sendWhileDown: boolean): Promise<void> {
  const prefix = `${uniqueName('dlinfra')}.`;
  const topic = `${prefix}${BaseTopics.decisions}`;
  const schema = uniqueName('dl_infra').replace(/-/g, '_');
  const run = uniqueName('r');
  const logDir = mkdtempSync(join(tmpdir(), 'edict-dl-infra-'));
  const service = spawnService(root, 'decision-log', await freePort(), {
    ...process.env, KAFKA_BROKERS: infra.brokers.join(','), DATABASE_URL: infra.databaseUrl, EDICT_DB_SCHEMA: schema, EDICT_TOPIC_PREFIX: prefix,
    LOG_LEVEL: 'warn', EDICT_DECISION_WINDOW_SECONDS: '1', EDICT_DECISION_ALLOWED_LATENESS_MS: '500',
  }, logDir);
  const pool = new Pool({ connectionString: infra.databaseUrl, max: 2 });
  pool.on('error', () => undefined); // idle clients die with a Postgres restart; queries are retried below
  const producer = createKafka('decision-log-infra-fault', infra.brokers).producer({ idempotent: true, maxInFlightRequests: 1 });
  const one = async (sql: string): Promise<number> => Number((await pool.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  const until = async (what: string, check: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 180_000;
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (logs in ${logDir})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  try {
    await waitReady(service);
    await producer.connect();
    await sendDecisions(producer, topic, run, 0, SENT / 2);
    await until('some decisions stored', async () => (await one(`SELECT count(*) AS n FROM "${schema}".decisions`)) > 1000);
    await fault.kill();
    if (sendWhileDown) await sendDecisions(producer, topic, run, SENT / 2, SENT);
    await new Promise((resolve) => setTimeout(resolve, 5000)); // down for a while: decision-log retries meanwhile
    await fault.start();
    if (!sendWhileDown) await sendDecisions(producer, topic, run, SENT / 2, SENT);
    await until('every decision stored', async () => (await one(`SELECT count(*) AS n FROM "${schema}".decisions`)) === SENT);
    await until('every window closed and published', async () =>
      (await one(`SELECT coalesce(sum(total), 0) AS n FROM "${schema}".decision_log_window_counts WHERE revision > 0 AND published_revision = revision`)) === SENT);
    expect(service.child.exitCode).toBeNull();
    expect(await one(`SELECT count(DISTINCT decision_id) AS n FROM "${schema}".decisions WHERE decision_id LIKE '${run}-%'`)).toBe(SENT);
    expect(await one(`SELECT coalesce(sum(total), 0) AS n FROM "${schema}".decision_log_window_counts`)).toBe(SENT);
  } finally {
    await producer.disconnect().catch(() => undefined);
    await service.stop();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
}, 120_000);

describe('decision-log through infrastructure faults (private clusters: the shared ones stay up)', () => {
  it('Postgres restarted mid-stream: stored = sent, no duplicates, sum over windows = stored', async () => {
    const postgres = await startRestartablePostgres();
    try {
      await survives({ brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','), databaseUrl: postgres.value }, postgres, true);
    } finally {
      await postgres.stop();
    }
  }, 400_000);

  it('Kafka broker killed and restarted mid-stream: stored = sent, no duplicates, sum over windows = stored', async () => {
    const kafka = await startRestartableKafka();
    try {
      await survives({ brokers: kafka.value, databaseUrl: process.env['DATABASE_URL'] ?? '' }, kafka, false);
    } finally {
      await kafka.stop();
    }
  }, 400_000);
});
