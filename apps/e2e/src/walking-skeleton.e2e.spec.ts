import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseTopics } from '@edict/contracts';
import { askPdpUntilVersion, eventually, people, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { TopicRecorder } from './topic-recorder';

/**
 * The walking skeleton of issue 2, against real Kafka and Postgres with every service as its own
 * process: draft → submit → validate → approve → sign → roll out → PDP decision → decision on
 * `edict.decisions.v1` and in the decision-log API → operator rollback → the PDP serves the
 * previous version.
 */
describe('walking skeleton', () => {
  const root = repoRoot();
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
  const recorder = new TopicRecorder();
  // a namespace of its own, so a local stack on the same Kafka cannot take this run's events
  const prefix = `${uniqueName('e2e')}.`;
  const topic = (name: keyof typeof BaseTopics): string => `${prefix}${BaseTopics[name]}`;
  let stack: Stack;
  let client: StackClient;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: brokers,
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('e2e').replace(/-/g, '_'),
      logDir: mkdtempSync(join(tmpdir(), 'edict-e2e-')),
      // gates need traffic and soak time; this test is about the path, the gates have their own tests
      env: { EDICT_TOPIC_PREFIX: prefix, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'), LOG_LEVEL: 'warn' },
    });
    client = new StackClient(stack.env);
    await recorder.start(brokers, uniqueName('e2e-recorder'), [topic('decisions'), topic('rollouts'), topic('bundles')]);
  }, 240_000);

  afterAll(async () => {
    await recorder.stop();
    await stack?.stop();
  }, 60_000);

  const question = {
    policyId: 'org/baseline',
    subject: 'agent-7',
    request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' },
  };

  it('takes a bundle from draft to a logged decision, then rolls a bad version back', async () => {
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    const first = await askPdpUntilVersion(client, question, '1.0.0');
    expect(first.result).toMatchObject({ effect: 'allow', rule: 'allow-registries', tier: 'org', noMatch: false });
    expect(first.bundles).toEqual([expect.objectContaining({ policyId: 'org/baseline', version: '1.0.0', canary: false })]);

    const onTopic = await eventually('the decision on edict.decisions.v1', () => Promise.resolve(recorder.events.get(first.decisionId)));
    expect(onTopic.topic).toBe(topic('decisions'));
    expect(onTopic.event).toMatchObject({ type: 'io.edict.decision.logged.v1', subject: 'org/baseline', source: expect.stringMatching(/^\/edict\/pdp\//) });
    expect(onTopic.event.data).toMatchObject({ decisionId: first.decisionId, result: { effect: 'allow' } });

    const reader = client.as('erin', ['auditor']);
    const logged = await eventually('the decision in the decision-log API', async () => {
      const answer = await reader.call<{ items: { decisionId: string; version: string }[] }>('decision-log', 'GET', '/v1/decisions?policyId=org%2Fbaseline');
      return answer.body.items.find((d) => d.decisionId === first.decisionId);
    });
    expect(logged.version).toBe('1.0.0');

    // correlation and causation ids travel from the HTTP request through the store and Kafka
    const ofVersion = (type: string, version: string) =>
      recorder.ofType(type).find(({ event }) => event.subject === 'org/baseline' && event.data?.['version'] === version)?.event;
    const submitted = await eventually('BundleSubmitted on edict.bundles.v1', () => Promise.resolve(ofVersion('io.edict.bundle.submitted.v1', '1.0.0')));
    const validated = await eventually('BundleValidated on edict.bundles.v1', () => Promise.resolve(ofVersion('io.edict.bundle.validated.v1', '1.0.0')));
    expect(typeof submitted['correlationid']).toBe('string');
    expect(validated['correlationid']).toBe(submitted['correlationid']);
    expect(validated['causationid']).toBe(submitted.id);
    expect(submitted['actor']).toBe('alice');

    await shipBundle(client, join(root, 'examples/bundles/org/baseline.candidate.yaml'));
    const second = await askPdpUntilVersion(client, question, '1.1.0');
    expect(second.result).toMatchObject({ effect: 'deny', rule: 'network-default-deny' });

    const oncall = client.as(people.dave.subject, [...people.dave.roles]);
    const rolledBack = await oncall.call<{ stable: { version: string }; archived: string[] }>('distribution', 'POST', '/v1/rollouts/org%2Fbaseline/rollback', {
      reason: '1.1.0 cut every team off PyPI',
    });
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.body.stable.version).toBe('1.0.0');
    expect(rolledBack.body.archived).toContain('1.1.0');

    const third = await askPdpUntilVersion(client, question, '1.0.0');
    expect(third.result).toMatchObject({ effect: 'allow', rule: 'allow-registries' });

    const rollbackEvent = await eventually('BundleRolledBack on edict.rollouts.v1', () =>
      Promise.resolve(recorder.ofType('io.edict.rollout.rolled-back.v1').find(({ event }) => event.subject === 'org/baseline' && event.data?.['fromVersion'] === '1.1.0')),
    );
    expect(rollbackEvent.event.data).toMatchObject({ toVersion: '1.0.0', rolledBackBy: 'dave', automatic: false });
    const archived = await eventually('authoring to archive 1.1.0', async () => {
      const line = await oncall.call<{ versions: { version: string; status: string }[] }>('authoring', 'GET', '/v1/bundles/org%2Fbaseline');
      return line.body.versions.find((v) => v.version === '1.1.0' && v.status === 'archived');
    });
    expect(archived).toBeDefined();
  }, 300_000);
});
