import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { BaseTopics, dlqTopic, StreamIds } from '@edict/contracts';
import { createPostgresEventStore } from '@edict/event-store';
import { cloudEventToKafka, storedToCloudEvent } from '@edict/messaging';
import { eventually, people, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';

interface RawMessage {
  readonly topic: string;
  readonly text: string;
  readonly headers: Record<string, string>;
}

/**
 * Issue 6 §3, every service as its own process: a version signed by key A, rotation to B (the
 * next version is signed by B, both serve), retirement of A (the JWKS drops it, distribution
 * refuses a BundleSigned by A, the PDP stops serving A's version), the last active key cannot be
 * retired, and no private key value appears in the store, the logs, the responses or Kafka.
 */
describe('key rotation and retirement', () => {
  const root = repoRoot();
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
  const prefix = `${uniqueName('e2e-keys')}.`;
  const topics = [...Object.values(BaseTopics).map((t) => `${prefix}${t}`), dlqTopic(`${prefix}${BaseTopics.bundles}`)];
  const schema = uniqueName('e2e_keys').replace(/-/g, '_');
  const logDir = mkdtempSync(join(tmpdir(), 'edict-e2e-keys-'));
  const raw: RawMessage[] = [];
  const responses: string[] = [];
  let consumer: Consumer;
  let stack: Stack;
  let client: StackClient;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: brokers,
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema,
      logDir,
      env: { EDICT_TOPIC_PREFIX: prefix, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'), EDICT_PDP_RESYNC_MS: '1000', EDICT_PDP_JWKS_TTL_MS: '500' },
    });
    client = new StackClient(stack.env);
    consumer = new Kafka({ clientId: uniqueName('keys-recorder'), brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: uniqueName('keys-recorder') });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ topic, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        raw.push({ topic, text: `${message.key?.toString() ?? ''} ${message.value?.toString() ?? ''} ${JSON.stringify(headers)}`, headers });
        return Promise.resolve();
      },
    });
  }, 240_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await stack?.stop();
  }, 60_000);

  const security = () => client.as(people.bob.subject, [...people.bob.roles]);
  const call = async <T>(service: 'signing' | 'distribution' | 'pdp', method: string, path: string, body?: unknown) => {
    const answer = await security().call<T>(service, method, path, body);
    responses.push(JSON.stringify(answer.body));
    return answer;
  };
  const keys = async () => (await call<{ items: { kid: string; alg: string; status: string }[] }>('signing', 'GET', '/v1/keys')).body.items;
  const jwks = async () => {
    const answer = await client.request<{ keys: { kid: string }[] }>('signing', 'GET', '/.well-known/jwks.json');
    responses.push(JSON.stringify(answer.body));
    return answer.body.keys.map((k) => k.kid);
  };
  const signatureOf = async (policyId: string) =>
    (await call<{ kid: string; alg: string }>('signing', 'GET', `/v1/signatures/${encodeURIComponent(policyId)}/versions/1.0.0`)).body;
  const decide = async (policyId: string) =>
    (await call<{ version: string | null; result: { effect: string; error?: { code: string } } }>('pdp', 'POST', '/v1/decisions', {
      policyId,
      subject: 'agent-7',
      request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' },
    })).body;

  it('rotates, serves both keys, retires A everywhere and refuses to retire the last key; no private key leaks', async () => {
    await shipBundle(client, join(root, 'examples/bundles/org/network.yaml'));
    const [keyA] = await keys();
    expect(keyA).toMatchObject({ status: 'active' });
    expect(await signatureOf('org/network')).toMatchObject({ kid: keyA?.kid });

    const rotated = await call<{ kid: string; alg: string; status: string }>('signing', 'POST', '/v1/keys:rotate');
    expect(rotated.status).toBe(200);
    const keyB = rotated.body;
    expect(keyB).toMatchObject({ alg: 'ES256', status: 'active' });
    expect(await keys()).toEqual([expect.objectContaining({ kid: keyB.kid, status: 'active' }), expect.objectContaining({ kid: keyA?.kid, status: 'verifying' })]);

    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    expect(await signatureOf('org/baseline')).toMatchObject({ kid: keyB.kid, alg: 'ES256' });
    await eventually('both versions served by the PDP', async () => {
      const [network, baseline] = [await decide('org/network'), await decide('org/baseline')];
      return network.version === '1.0.0' && baseline.version === '1.0.0' ? true : undefined;
    });

    const retired = await call<{ status: string }>('signing', 'POST', `/v1/keys/${keyA?.kid ?? ''}:retire`);
    expect([retired.status, retired.body.status]).toEqual([200, 'retired']);
    expect(await jwks()).toEqual([keyB.kid]);

    // the PDP drops the version signed by A (its JWKS no longer lists A) and keeps B's
    const refused = await eventually('the PDP to stop serving org/network', async () => {
      const answer = await decide('org/network');
      return answer.result.error?.code === 'PDP.NO_ACTIVE_BUNDLE' ? answer : undefined;
    });
    expect(refused).toMatchObject({ version: null, result: { effect: 'deny' } });
    expect(await decide('org/baseline')).toMatchObject({ version: '1.0.0', result: { effect: 'allow' } });
    const metrics = await (await fetch(`${client.url('pdp')}/metrics`)).text();
    expect(metrics).toMatch(/edict_pdp_untrusted_total\{[^}]*policy="org\/network"[^}]*\} 1/);

    // distribution: a rollout of A's version and a re-published BundleSigned by A are refused
    const restart = await client.as(people.carol.subject, [...people.carol.roles]).call<{ code: string }>('distribution', 'POST', '/v1/rollouts/org%2Fnetwork/start', { version: '1.0.0' });
    expect([restart.status, restart.body.code]).toEqual([409, 'ROLLOUT.KEY_RETIRED']);
    const store = await createPostgresEventStore({ connectionString: process.env['DATABASE_URL'] ?? '', schema, poolSize: 1 });
    try {
      const [signedByA] = await store.readStream(StreamIds.signature('org/network', '1.0.0'));
      expect(signedByA).toBeDefined();
      if (!signedByA) return;
      const republished = cloudEventToKafka(storedToCloudEvent({ ...signedByA, eventId: randomUUID() }, '/edict/signing'));
      const producer = new Kafka({ clientId: uniqueName('keys-producer'), brokers, logLevel: logLevel.NOTHING }).producer();
      await producer.connect();
      await producer.send({ topic: `${prefix}${BaseTopics.bundles}`, messages: [republished] });
      await producer.disconnect();
      const dead = await eventually('the re-published BundleSigned in the DLQ', () =>
        Promise.resolve(raw.find((m) => m.topic.endsWith('.dlq') && m.headers['edict_dlq_error_code'] === 'DISTRIBUTION.KEY_RETIRED')),
      );
      expect(dead.headers['edict_dlq_error_message']).toContain(keyA?.kid);

      const last = await call<{ code: string }>('signing', 'POST', `/v1/keys/${keyB.kid}:retire`);
      expect([last.status, last.body.code]).toEqual([409, 'KEYRING.LAST_ACTIVE_KEY']);
      const unknown = await call<{ code: string }>('signing', 'POST', '/v1/keys/no-such-key:retire');
      expect([unknown.status, unknown.body.code]).toEqual([404, 'KEYRING.KEY_NOT_FOUND']);

      // no private `d` anywhere: store, logs, responses, Kafka
      const keyFiles = [join(logDir, 'signing-key.jwk.json'), ...readdirSync(join(logDir, 'signing-keys')).map((f) => join(logDir, 'signing-keys', f))];
      const secrets = keyFiles.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { d: string }).d);
      expect(secrets).toHaveLength(2);
      const events = JSON.stringify(await store.readAll({ after: 0 }));
      const logs = readdirSync(logDir).filter((f) => f.endsWith('.log')).map((f) => readFileSync(join(logDir, f), 'utf8')).join('\n');
      const kafka = raw.map((m) => m.text).join('\n');
      expect(events).toContain(keyB.kid);
      expect(kafka).toContain(keyB.kid);
      for (const d of secrets) {
        expect({ d, inStore: events.includes(d), inLogs: logs.includes(d), inResponses: responses.join('\n').includes(d), inKafka: kafka.includes(d) }).toEqual({ d, inStore: false, inLogs: false, inResponses: false, inKafka: false });
      }
    } finally {
      await store.close();
    }
  }, 420_000);
});
