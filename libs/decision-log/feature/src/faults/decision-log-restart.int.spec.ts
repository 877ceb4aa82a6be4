import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import { Pool } from 'pg';
import { dlqTopic } from '@edict/contracts';
import { createKafka } from '@edict/messaging';
import { uniqueName, type ServiceProcess } from '@edict/testing';
import { decisionLogFaultFixture } from './__fixtures__/decision-log-process.fixture';
import { sendDecisions } from './decision-traffic';

const fx = decisionLogFaultFixture('dl-fault');
const { root, topic, schema, start, until } = fx;
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
const run = uniqueName('r');
const SENT = 20_000;
const kafka = createKafka('decision-log-fault-test', brokers);
let producer: Producer;
let pool: Pool;
let service: ServiceProcess | undefined;
const one = (sql: string): Promise<number> => fx.one(pool, sql);

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
  service = await start();
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
}, 180_000);

afterAll(async () => {
  await producer?.disconnect();
  await service?.stop();
  await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool?.end();
}, 60_000);

describe('decision-log killed and restarted mid-stream (SIGKILL)', () => {
  it('stores every decision once, counts each in a closed window, and dead-letters a poison message without stopping', async () => {
    await sendDecisions(producer, topic, run, 0, SENT / 2);
    await producer.send({ topic, messages: [{ key: 'poison', value: '{not json', headers: { ce_id: 'p-1', ce_type: 'io.edict.decision.logged.v1', ce_source: '/t', ce_specversion: '1.0' } }] });
    await until('some decisions stored', async () => (await one(`SELECT count(*) AS n FROM "${schema}".decisions`).catch(() => 0)) > 1000);
    service?.child.kill('SIGKILL');
    await service?.stop();
    await sendDecisions(producer, topic, run, SENT / 2, SENT);
    service = await start();

    await until('every decision stored', async () => (await one(`SELECT count(*) AS n FROM "${schema}".decisions`)) === SENT);
    await until('every window closed and published', async () =>
      (await one(`SELECT coalesce(sum(total), 0) AS n FROM "${schema}".decision_log_window_counts WHERE revision > 0 AND published_revision = revision`)) === SENT);
    expect(await one(`SELECT count(DISTINCT decision_id) AS n FROM "${schema}".decisions`)).toBe(SENT);
    expect(await one(`SELECT coalesce(sum(total), 0) AS n FROM "${schema}".decision_log_window_counts`)).toBe(SENT);
    expect(await one(`SELECT count(*) AS n FROM "${schema}".decisions WHERE decision_id NOT LIKE '${run}-%'`)).toBe(0);
    const admin = kafka.admin();
    await admin.connect();
    const dlq = await admin.fetchTopicOffsets(dlqTopic(topic));
    await admin.disconnect();
    expect(dlq.reduce((n, p) => n + Number(p.high) - Number(p.low), 0)).toBe(1);
  }, 300_000);
});
