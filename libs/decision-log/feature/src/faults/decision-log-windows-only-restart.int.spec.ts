import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import { Pool } from 'pg';
import { BaseTopics, dlqTopic } from '@edict/contracts';
import { createKafka, ensureTopics } from '@edict/messaging';
import { mintDevToken } from '@edict/service-kit';
import { uniqueName, type ServiceProcess } from '@edict/testing';
import { decisionLogFaultFixture } from './__fixtures__/decision-log-process.fixture';
import { sendDecisions } from './decision-traffic';

const fx = decisionLogFaultFixture('dl-wonly', { EDICT_DECISION_STORE_RAW: 'false' });
const { root, prefix, topic, schema, start, until } = fx;
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
const run = uniqueName('r');
const SENT = 20_000;
const kafka = createKafka('decision-log-windows-only-test', brokers);
let producer: Producer;
let pool: Pool;
let service: ServiceProcess | undefined;
const windowsSum = (where = 'true'): Promise<number> => one(`SELECT coalesce(sum(total), 0) AS n FROM "${schema}".decision_log_window_counts WHERE ${where}`);
const one = (sql: string): Promise<number> => fx.one(pool, sql);

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
  await ensureTopics(kafka, [topic, dlqTopic(topic), `${prefix}${BaseTopics.decisionWindows}`]);
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

describe('decision-log in the windows-only mode (EDICT_DECISION_STORE_RAW=false), killed and restarted mid-stream', () => {
  it('counts every decision exactly once over the windows (redeliveries skipped by offset), stores no decision row, and refuses raw reads', async () => {
    const sending = (async () => {
      await sendDecisions(producer, topic, run, 0, SENT / 2);
      await producer.send({ topic, messages: [{ key: 'poison', value: '{not json', headers: { ce_id: 'p-1', ce_type: 'io.edict.decision.logged.v1', ce_source: '/t', ce_specversion: '1.0' } }] });
      await sendDecisions(producer, topic, run, SENT / 2, SENT);
    })();
    await until('some decisions counted', async () => (await windowsSum()) > 2000);
    service?.child.kill('SIGKILL');
    await service?.stop();
    const countedAtKill = await windowsSum();
    await sending;
    // the worst a crash between the batch's transaction and Kafka's commit can leave: Kafka's
    // committed offsets behind Postgres's. Rewind them to the start (once the killed member has
    // left the group): every message counted before the kill is redelivered and must be skipped.
    const rewind = kafka.admin();
    await rewind.connect();
    await until('the killed consumer out of the group and its offsets rewound', async () => {
      await rewind.resetOffsets({ groupId: `${prefix}edict-decision-log`, topic, earliest: true });
      return true;
    }, 60_000);
    await rewind.disconnect();
    service = await start();

    await until('every window closed and published', async () => (await windowsSum('revision > 0 AND published_revision = revision')) >= SENT);
    expect(countedAtKill).toBeLessThan(SENT); // killed mid-stream
    expect(await windowsSum()).toBe(SENT);
    expect(await one(`SELECT count(*) AS n FROM "${schema}".decisions`)).toBe(0);
    const admin = kafka.admin();
    await admin.connect();
    const [high, dlq] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchTopicOffsets(dlqTopic(topic))]);
    await admin.disconnect();
    expect(await one(`SELECT coalesce(sum(next_offset), 0) AS n FROM "${schema}".consumer_offsets`)).toBe(high.reduce((n, p) => n + Number(p.high), 0));
    expect(dlq.reduce((n, p) => n + Number(p.high) - Number(p.low), 0)).toBe(1);

    const reader = { authorization: `Bearer ${await mintDevToken({ subject: 'ann', roles: ['auditor'] })}` };
    for (const path of ['/v1/decisions', '/v1/decisions/export', `/v1/decisions/${run}-1`]) {
      const response = await fetch(`${service?.url ?? ''}${path}`, { headers: reader });
      expect([path, response.status, response.headers.get('content-type')?.split(';')[0]]).toEqual([path, 409, 'application/problem+json']);
      expect(await response.json()).toMatchObject({ code: 'DECISION_LOG.RAW_STORE_DISABLED' });
    }
    expect((await fetch(`${service?.url ?? ''}/v1/windows?limit=1`, { headers: reader })).status).toBe(200);
  }, 300_000);
});
