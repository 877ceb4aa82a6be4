import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BaseTopics } from '@edict/contracts';
import { askPdpUntilVersion, eventually, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Decision, type Stack } from '@edict/testing';
import { TopicRecorder } from './topic-recorder';

const SSN = 'ssn-078-05-1120-e2e-masking';
const DB_PASSWORD = 'hunter2-e2e-masking';
const SECRETS = [SSN, DB_PASSWORD];

/**
 * Masking before anything leaves the PDP (issue 10 §4): with `EDICT_DECISION_MASK_PATHS` naming
 * `context.customer.ssn` and `context.risk_score`, and `db_password` masked by the default secret
 * keys, a decision made on those values (risk 95 → deny-high-risk) carries "***" in their place in
 * the HTTP answer, on edict.decisions.v1, in decision-log's API; and neither secret is anywhere in
 * the stack's database schema or in any service's log file (every service at LOG_LEVEL=debug).
 */
describe('PDP masking', () => {
  const root = repoRoot();
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
  const databaseUrl = process.env['DATABASE_URL'] ?? '';
  const recorder = new TopicRecorder();
  const prefix = `${uniqueName('e2e')}.`;
  const schema = uniqueName('e2e').replace(/-/g, '_');
  const logDir = mkdtempSync(join(tmpdir(), 'edict-e2e-'));
  let stack: Stack;
  let client: StackClient;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: brokers, databaseUrl, schema, logDir,
      env: {
        EDICT_TOPIC_PREFIX: prefix, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'),
        EDICT_DECISION_MASK_PATHS: 'context.customer.ssn, context.risk_score', LOG_LEVEL: 'debug',
      },
    });
    client = new StackClient(stack.env);
    await recorder.start(brokers, uniqueName('e2e-recorder'), [`${prefix}${BaseTopics.decisions}`]);
  }, 240_000);

  afterAll(async () => {
    await recorder.stop();
    await stack?.stop();
  }, 60_000);

  const question = {
    policyId: 'org/baseline',
    subject: 'agent-7',
    request: { agent: 'coder', action: 'repo.write', resource: 'repos/alpha/web', context: { risk_score: 95, customer: { ssn: SSN, name: 'Ada' }, db_password: DB_PASSWORD } },
  };
  const maskedContext = { risk_score: '***', customer: { ssn: '***', name: 'Ada' }, db_password: '***' };
  const leaks = (text: string): string[] => SECRETS.filter((s) => text.includes(s));

  it('decides on the values, and publishes, stores, logs and answers them masked', async () => {
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    const answer: Decision = await askPdpUntilVersion(client, question, '1.0.0');
    expect(answer.result).toMatchObject({ effect: 'deny', rule: 'deny-high-risk' });
    expect(answer.request.context).toEqual(maskedContext);
    expect(leaks(JSON.stringify(answer))).toEqual([]);

    const onTopic = await eventually('the decision on edict.decisions.v1', () => Promise.resolve(recorder.events.get(answer.decisionId)));
    expect(onTopic.event.data?.['request']).toMatchObject({ context: maskedContext });

    const reader = client.as('erin', ['auditor']);
    const logged = await eventually('the decision in the decision-log API', async () => {
      const page = await reader.call<{ items: Decision[] }>('decision-log', 'GET', '/v1/decisions?policyId=org%2Fbaseline');
      return page.body.items.find((d) => d.decisionId === answer.decisionId);
    });
    expect(logged.request.context).toEqual(maskedContext);

    // every decision this run made on the topic (askPdpUntilVersion may have asked more than once)
    const published = [...recorder.events.values()].map((e) => JSON.stringify(e.event));
    expect(published.length).toBeGreaterThan(0);
    expect(published.flatMap(leaks)).toEqual([]);

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const tables = await db.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
      expect(tables.rows.length).toBeGreaterThan(0);
      const rows: string[] = [];
      for (const { table_name: table } of tables.rows) {
        const result = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${schema}"."${table}" t`);
        rows.push(...result.rows.map((r) => r.row));
      }
      expect(rows.some((row) => row.includes(answer.decisionId))).toBe(true);
      expect(rows.flatMap(leaks)).toEqual([]);
    } finally {
      await db.end();
    }

    const logs = readdirSync(logDir).filter((f) => f.endsWith('.log'));
    expect(logs).toContain('pdp.log');
    for (const file of logs) expect({ file, leaks: leaks(readFileSync(join(logDir, file), 'utf8')) }).toEqual({ file, leaks: [] });
  }, 300_000);
});
