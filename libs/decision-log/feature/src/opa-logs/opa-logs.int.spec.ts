import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Pool } from 'pg';
import { BaseTopics, StreamIds, type RolloutStarted } from '@edict/contracts';
import { createPostgresEventStore } from '@edict/event-store';
import { createKafka } from '@edict/messaging';
import { mintDevToken } from '@edict/service-kit';
import { freePort, repoRoot, spawnService, uniqueName, waitReady, type ServiceProcess } from '@edict/testing';

// decision-log as a process behind OPA's decision_logs plugin, the real opa (OPA_PATH) querying
// the egress example under its Edict root, and decision-log stopped while opa keeps logging.
const root = repoRoot();
const prefix = `${uniqueName('opalogs')}.`;
const topic = `${prefix}${BaseTopics.decisions}`;
const schema = uniqueName('dl_opa').replace(/-/g, '_');
const dir = mkdtempSync(join(tmpdir(), 'edict-opa-logs-'));
const kafka = createKafka('opa-logs-test', (process.env['KAFKA_BROKERS'] ?? '').split(','));
const AGENT = 'opa-it-1';
let port = 0;
let pdpToken = '';
let pool: Pool;
let service: ServiceProcess | undefined;
let opa: ChildProcess | undefined;
let opaUrl = '';

// decision-log's start can fail on topics it just created (kafkajs "does not host this
// topic-partition" before the leaders are elected, on the shared broker): that start is retried
const start = async (attempt = 1): Promise<ServiceProcess> => {
  const s = spawnService(root, 'decision-log', port, { ...process.env, EDICT_DB_SCHEMA: schema, EDICT_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn', EDICT_DECISION_WINDOW_SECONDS: '1' }, dir);
  try {
    await waitReady(s);
    return s;
  } catch (error) {
    await s.stop();
    if (attempt >= 3 || s.child.exitCode === null) throw error;
    return start(attempt + 1);
  }
};
const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (logs in ${dir})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
interface StoredRow {
  readonly decision_id: string;
  readonly source: string;
  readonly effect: string;
  readonly policy_id: string;
  readonly version: string;
  readonly canary: boolean;
  readonly decision: { readonly decisionPoint: string; readonly request: { readonly context: Record<string, unknown> } };
}
const stored = async (ids: readonly string[]): Promise<StoredRow[]> =>
  (await pool.query<StoredRow>(`SELECT decision_id, source, effect, policy_id, version, canary, decision FROM "${schema}".decisions WHERE decision_id = ANY($1)`, [ids])).rows;
const topicMessages = async (): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
};
/** Everything on the topic consumed and committed by decision-log (it commits after storing). */
const consumedAll = async (): Promise<boolean> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const high = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: `${prefix}edict-decision-log`, topics: [topic] });
    return high.every((p) => Number(committed?.partitions.find((c) => c.partition === p.partition)?.offset ?? -1) >= Number(p.high) || p.high === '0');
  } finally {
    await admin.disconnect();
  }
};
const postLogs = (body: Buffer | string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`http://127.0.0.1:${port}/opa/logs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${pdpToken}`, [AGENT_HEADER]: AGENT, ...headers },
    body: typeof body === 'string' ? gzipSync(body) : body,
  });
const AGENT_HEADER = 'x-edict-agent-id';
const ask = async (input: Record<string, unknown>): Promise<string> => {
  const response = await fetch(`${opaUrl}/v1/data/edict/org/egress/deny`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
  const body = (await response.json()) as { decision_id: string };
  return body.decision_id;
};
const uploadFailures = (): number => (readFileSync(join(dir, 'opa.log'), 'utf8').match(/log upload failed/g) ?? []).length;
const event = (id: string): Record<string, unknown> => ({
  labels: { id: 'b0d9', version: '1.22.2' }, decision_id: id, bundles: { 'org/egress': { revision: '1.0.0' } }, path: 'edict/org/egress/deny',
  input: { url: 'pypi.org' }, result: [], timestamp: new Date().toISOString(), metrics: { timer_rego_query_eval_ns: 1000 }, req_id: 1,
});

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
  pdpToken = await mintDevToken({ subject: 'opa-fleet', roles: ['pdp'] });
  port = await freePort();
  service = await start();
  // a topic just created may not have its leaders yet; the tables come with decision-log's migration
  await until('the topic readable', () => topicMessages().then(() => true, () => false), 60_000);
  await until('the decisions table', () => stored([]).then(() => true, () => false), 60_000);
  const bundle = join(dir, 'bundle');
  mkdirSync(bundle);
  writeFileSync(join(bundle, '.manifest'), JSON.stringify({ revision: '1.0.0', roots: ['edict/org/egress'] }));
  writeFileSync(join(bundle, 'policy.rego'), 'package edict.org.egress\n\ndeny contains "example domain blocked" if input.url == "api.example.com"\n');
  writeFileSync(join(dir, 'opa.yaml'), [
    'services:', '  edict:', `    url: http://127.0.0.1:${port}/opa`, '    headers:', `      ${AGENT_HEADER}: ${AGENT}`,
    '    credentials:', '      bearer:', `        token: ${pdpToken}`,
    'decision_logs:', '  service: edict', '  reporting:', '    min_delay_seconds: 1', '    max_delay_seconds: 1', '',
  ].join('\n'));
  const opaPort = await freePort();
  opaUrl = `http://127.0.0.1:${opaPort}`;
  const opaPath = process.env['OPA_PATH'] ?? 'opa';
  opa = spawn(opaPath, ['run', '--server', '--addr', `127.0.0.1:${opaPort}`, '--config-file', join(dir, 'opa.yaml'), '--bundle', bundle], { stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(join(dir, 'opa.log'), '');
  const append = (chunk: Buffer): void => writeFileSync(join(dir, 'opa.log'), chunk, { flag: 'a' });
  opa.stdout?.on('data', append);
  opa.stderr?.on('data', append);
  await until('opa healthy', async () => (await fetch(`${opaUrl}/health`).catch(() => undefined))?.status === 200, 30_000);
}, 180_000);

afterAll(async () => {
  opa?.kill('SIGTERM');
  await service?.stop();
  await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool?.end();
}, 60_000);

describe('POST /opa/logs (OPA Decision Log API)', () => {
  it('refuses bad input with problem+json and publishes nothing', async () => {
    const before = await topicMessages();
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));
    const cases: { response: Response; status: number; code: string }[] = [
      { response: await postLogs(bomb), status: 413, code: 'REQUEST.TOO_LARGE' },
      { response: await postLogs('[{"decision_id": '), status: 400, code: 'REQUEST.MALFORMED_JSON' },
      { response: await postLogs('{"decision_id": "x"}'), status: 400, code: 'OPA_LOGS.NOT_AN_ARRAY' },
      { response: await postLogs(JSON.stringify([event(uniqueName('ok')), { ...event(uniqueName('bad')), decision_id: '' }])), status: 400, code: 'OPA_LOGS.EVENT_INVALID' },
      { response: await postLogs(JSON.stringify([event(uniqueName('x'))]), { authorization: '' }), status: 401, code: 'AUTH.TOKEN_MISSING' },
      { response: await postLogs(JSON.stringify([event(uniqueName('x'))]), { authorization: `Bearer ${await mintDevToken({ subject: 'a', roles: ['author'] })}` }), status: 403, code: 'AUTH.ROLE_REQUIRED' },
      { response: await postLogs(JSON.stringify([event(uniqueName('x'))]), { [AGENT_HEADER]: 'not an id' }), status: 400, code: 'OPA.AGENT_ID_INVALID' },
    ];
    for (const { response, status, code } of cases) {
      expect({ status: response.status, type: response.headers.get('content-type')?.split(';')[0] }).toEqual({ status, type: 'application/problem+json' });
      expect(((await response.json()) as { code: string }).code).toBe(code);
    }
    const invalid = await postLogs(JSON.stringify([event('a'), { ...event('b'), timestamp: 'soon' }]));
    expect(await invalid.json()).toMatchObject({ code: 'OPA_LOGS.EVENT_INVALID', index: 1, fields: ['timestamp'], detail: expect.stringContaining('Event 1') as unknown });
    // every refusal answered after its (absent) publish: the topic has not moved
    expect(await topicMessages()).toBe(before);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  }, 60_000);

  it('a retried batch is published again and stored once', async () => {
    const ids = [uniqueName('dup'), uniqueName('dup'), uniqueName('dup')];
    const batch = JSON.stringify(ids.map(event));
    const before = await topicMessages();
    expect((await postLogs(batch)).status).toBe(204);
    expect((await postLogs(batch)).status).toBe(204);
    expect(await topicMessages()).toBe(before + 6);
    await until('both copies consumed', consumedAll);
    expect((await stored(ids)).map((d) => d.decision_id).sort()).toEqual([...ids].sort());
  }, 60_000);

  it('GET /v1/decisions/{id} answers one stored decision to a reader, 404 DECISION.NOT_FOUND for an unknown id, 401 without a token', async () => {
    const id = uniqueName('one');
    expect((await postLogs(JSON.stringify([event(id)]))).status).toBe(204);
    await until('the decision stored', async () => (await stored([id])).length === 1);
    const reader = { authorization: `Bearer ${await mintDevToken({ subject: 'ann', roles: ['auditor'] })}` };
    const one = await fetch(`http://127.0.0.1:${port}/v1/decisions/${encodeURIComponent(id)}`, { headers: reader });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ decisionId: id, source: 'opa', policyId: 'org/egress' });
    const unknown = await fetch(`http://127.0.0.1:${port}/v1/decisions/${uniqueName('never')}`, { headers: reader });
    expect({ status: unknown.status, code: ((await unknown.json()) as { code: string }).code }).toEqual({ status: 404, code: 'DECISION.NOT_FOUND' });
    expect((await fetch(`http://127.0.0.1:${port}/v1/decisions/${encodeURIComponent(id)}`)).status).toBe(401);
  }, 60_000);

  it('accepts a full default OPA chunk (32 KiB gzip, ~600 events, more members than the edge allows elsewhere)', async () => {
    const ids = Array.from({ length: 600 }, () => uniqueName('chunk'));
    const body = gzipSync(JSON.stringify(ids.map((id, i) => ({ ...event(id), input: { url: 'pypi.org', user: `user-${i % 500}`, method: 'GET' } }))));
    expect(body.length).toBeLessThan(64 * 1024);
    expect((await postLogs(body)).status).toBe(204);
    await until('600 decisions stored', async () => (await stored(ids)).length === 600);
  }, 60_000);

  it("stores every decision a real opa logs, masked, as source opa, canary by the rollout, and loses none while decision-log is down", async () => {
    // 1.0.0 in canary at 10 % (distribution's stream, written here as distribution would)
    const store = await createPostgresEventStore({ connectionString: process.env['DATABASE_URL'] ?? '', schema });
    const rollout: RolloutStarted['data'] = { policyId: 'org/egress', version: '1.0.0', digest: `sha256:${'a'.repeat(64)}`, percentage: 10, stableVersion: null, startedBy: 'alice', startedAt: new Date().toISOString() };
    await store.append(StreamIds.rollout('org/egress'), [{ type: 'RolloutStarted', data: rollout }], 'no_stream');
    await store.close();
    const first: string[] = [];
    for (let i = 0; i < 10; i++) first.push(await ask({ url: i % 2 === 0 ? 'api.example.com' : 'pypi.org', password: 'hunter2' }));
    await until('10 decisions stored', async () => (await stored(first)).length === 10);
    const rows = await stored(first);
    expect(new Set(rows.map((r) => `${r.source} ${r.policy_id} ${r.version} ${r.decision.decisionPoint}`))).toEqual(new Set([`opa org/egress 1.0.0 ${AGENT}`]));
    expect(rows.filter((r) => r.effect === 'deny')).toHaveLength(5);
    expect(new Set(rows.map((r) => r.canary))).toEqual(new Set([true]));
    expect(new Set(rows.map((r) => r.decision.request.context['password']))).toEqual(new Set(['***']));

    await service?.stop();
    const failuresBefore = uploadFailures();
    const second: string[] = [];
    for (let i = 0; i < 10; i++) second.push(await ask({ url: 'pypi.org' }));
    await until('opa failing to upload (and keeping its buffer)', () => uploadFailures() >= failuresBefore + 2);
    service = await start();
    await until('every decision logged while down stored', async () => (await stored(second)).length === 10);
    await until('everything on the topic consumed', consumedAll);
    const all = await stored([...first, ...second]);
    expect(all).toHaveLength(20);
    expect(new Set(all.map((r) => r.decision_id)).size).toBe(20);
  }, 180_000);
});
