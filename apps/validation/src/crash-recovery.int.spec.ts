import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { BaseTopics, StreamIds, type ServingState } from '@edict/contracts';
import { createPostgresEventStore, type EventStore } from '@edict/event-store';
import { cloudEventToKafka, createKafka, KafkaPublisher, storedToCloudEvent } from '@edict/messaging';
import { eventually, repoRoot, spawnService, uniqueName, type ServiceProcess } from '@edict/testing';

/**
 * Crash safety (issue 6 §8): the validation service killed (SIGKILL) while it judges a submitted
 * version loses nothing. The consumer commits the offset only after the handler succeeded, so
 * the restarted service gets the submission again and records exactly one verdict. The kill
 * lands mid-run for sure: a stand-in for distribution holds the service's first question about
 * the parent tier open and the test kills the process once it has arrived.
 */
describe('validation killed mid-run', () => {
  const root = repoRoot();
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
  const prefix = `${uniqueName('crash')}.`;
  const schema = uniqueName('crash').replace(/-/g, '_');
  const logDir = mkdtempSync(join(tmpdir(), 'edict-crash-'));
  const policyId = 'teams/crash/network';
  let store: EventStore;
  let distribution: Server;
  let service: ServiceProcess | undefined;
  /** `hold`: keep the first request open and tell the test; `answer`: serve nothing for every policy */
  let mode: 'hold' | 'answer' = 'hold';
  let held: (() => void) | undefined;
  const questionHeld = new Promise<void>((resolve) => (held = resolve));

  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    EDICT_TOPIC_PREFIX: prefix,
    EDICT_DB_SCHEMA: schema,
    EDICT_DISTRIBUTION_URL: `http://127.0.0.1:${(distribution.address() as AddressInfo).port}`,
    EDICT_DECISION_LOG_URL: `http://127.0.0.1:${(distribution.address() as AddressInfo).port}`,
    LOG_LEVEL: 'info',
  });
  const start = async (port: number): Promise<ServiceProcess> => {
    const started = spawnService(root, 'validation', port, env(), logDir);
    await eventually('validation to be ready', async () => ((await fetch(`${started.url}/readyz`).catch(() => undefined))?.ok ? true : undefined));
    return started;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    distribution = createServer((request: IncomingMessage, response: ServerResponse) => {
      if (mode === 'hold') return held?.();
      const id = decodeURIComponent((request.url ?? '').replace('/v1/serving/', ''));
      const empty: ServingState = { policyId: id, stable: null, canary: null, pinned: null, killSwitch: null, revision: -1 };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(empty));
    });
    distribution.listen(0, '127.0.0.1');
    await once(distribution, 'listening');
    store = await createPostgresEventStore({ connectionString: process.env['DATABASE_URL'] ?? '', schema, poolSize: 2 });
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    distribution.closeAllConnections();
    distribution.close();
    await store?.close();
  }, 60_000);

  it('re-validates the submission after a restart and records exactly one verdict', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    service = await start(port);
    const document = { apiVersion: 'edict.io/v1', kind: 'PolicyBundle', metadata: { policyId, version: '1.0.0' }, spec: { defaultEffect: 'allow' } };
    const digest = `sha256:${'d'.repeat(64)}`;
    const appended = await store.append(StreamIds.bundle(policyId), [
      { type: 'BundleDrafted', data: { policyId, version: '1.0.0', digest, tier: 'team', document, author: 'alice', draftedAt: new Date().toISOString() }, metadata: {} },
      { type: 'BundleSubmitted', data: { policyId, version: '1.0.0', digest, submittedBy: 'alice', submittedAt: new Date().toISOString() }, metadata: {} },
    ], 'no_stream');
    const submitted = appended.events[1];
    if (!submitted) throw new Error('nothing appended');
    const topic = `${prefix}${BaseTopics.bundles}`;
    const publisher = new KafkaPublisher(createKafka(uniqueName('crash-producer'), brokers));
    await publisher.connect();
    await publisher.sendRaw(topic, [cloudEventToKafka(storedToCloudEvent(submitted, '/edict/authoring'))]);
    await publisher.disconnect();

    await questionHeld;
    service.child.kill('SIGKILL');
    await once(service.child, 'exit');
    await service.stop();
    expect(await store.readStream(StreamIds.validation(policyId, '1.0.0'))).toEqual([]);

    mode = 'answer';
    service = await start(port);
    const verdicts = await eventually('the verdict after the restart', async () => {
      const events = await store.readStream(StreamIds.validation(policyId, '1.0.0'));
      return events.length > 0 ? events : undefined;
    });
    // the redelivered message is done with once the group has committed past it
    const admin = new Kafka({ clientId: uniqueName('crash-admin'), brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await eventually('the offset committed past the submission', async () => {
      const [offsets] = await admin.fetchOffsets({ groupId: `${prefix}edict-validation`, topics: [topic] });
      return offsets?.partitions.some((p) => Number(p.offset) > 0) ? true : undefined;
    });
    await admin.disconnect();
    const after = await store.readStream(StreamIds.validation(policyId, '1.0.0'));
    expect(after.map((e) => e.type)).toEqual(['BundleValidated']);
    expect(after[0]?.eventId).toBe(verdicts[0]?.eventId);
    expect(after[0]?.data).toMatchObject({ report: { checks: expect.arrayContaining([expect.objectContaining({ name: 'tighten-only', summary: 'skipped: no parent tier serves or has submitted a version' })]) } });
  }, 180_000);
});
