import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseTopics, cloudEventTypes, type DecisionLogged, type DecisionWindowClosed } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';
import { askPdpUntilVersion, eventually, people, repoRoot, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { decideFor, nextWindowStart, pdpServesCanary, perWindow, subjectsInCohorts, type Ask } from './canary-traffic';
import { releaseToCanary, type RolloutView } from './release-bundle';
import { TopicRecorder, type RecordedEvent } from './topic-recorder';

type Window = DecisionWindowClosed['data'];
type StoredWindow = Window & { eventId: string; closedAt: string; publishedAt: string | null; late: number; publishedRevision: number };

const WINDOW_MS = 2000;
const GATE_MIN_DECISIONS = 20;
const POLICY = 'org/baseline';
const pypi: Ask = { policyId: POLICY, request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } };

/**
 * Auto-rollback end to end, every service its own process on real Kafka and Postgres: PDP
 * decisions → decision-log closes windows → distribution's gates count them → a canary that
 * denies nearly everything → incident-response opens an incident and requests a rollback →
 * distribution rolls the canary back → the PDP serves the previous version again.
 * The two tests run in order: the second continues the rollout the first begins.
 */
describe('auto-rollback', () => {
  const root = repoRoot();
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
  const recorder = new TopicRecorder();
  const prefix = `${uniqueName('e2e-rollback')}.`;
  let stack: Stack;
  let client: StackClient;
  const carol = () => client.as(people.carol.subject, [...people.carol.roles]);
  const reader = () => client.as('erin', ['auditor']);
  const rollout = async (): Promise<RolloutView> => (await carol().call<RolloutView>('distribution', 'GET', `/v1/rollouts/${encodeURIComponent(POLICY)}`)).body;
  const windowOnTopic = (version: string, windowStart: string): Promise<RecordedEvent> =>
    eventually(`DecisionWindowClosed for ${version} canary from ${windowStart}`, () => Promise.resolve(recorder.ofType(cloudEventTypes.DecisionWindowClosed).find(({ event }) =>
      event.data?.['version'] === version && event.data['canary'] === true && event.data['windowStart'] === windowStart)), 120_000);

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: brokers,
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('e2e_rollback').replace(/-/g, '_'),
      logDir: mkdtempSync(join(tmpdir(), 'edict-e2e-rollback-')),
      env: {
        EDICT_TOPIC_PREFIX: prefix,
        EDICT_DECISION_WINDOW_SECONDS: String(WINDOW_MS / 1000),
        // A slow, shared machine: decisions get 10 s to reach decision-log before their window
        // closes (measured: 0.4 s at most with the unit suite running beside, 13 s with both cores
        // pinned by busy loops). Late decisions count in no window and the counts below are exact;
        // lateness itself is covered by the int tier.
        EDICT_DECISION_WINDOW_GRACE_MS: '10000',
        EDICT_DECISION_MASK_PATHS: 'context.user.email',
        EDICT_GATE_MIN_DECISIONS: String(GATE_MIN_DECISIONS),
        EDICT_GATE_SOAK_SECONDS: '0',
        EDICT_PDP_NAME: uniqueName('pdp'),
        // this spec follows the regular windows to the rollback; the fast path has its own spec
        EDICT_FAST_TRIGGER_MIN_SAMPLE_SIZE: '0',
        LOG_LEVEL: 'warn',
      },
    });
    client = new StackClient(stack.env);
    await recorder.start(brokers, uniqueName('e2e-rollback-recorder'), ['decisionWindows', 'rollouts', 'incidents'].map((t) => `${prefix}${BaseTopics[t as keyof typeof BaseTopics]}`));
  }, 300_000);

  afterAll(async () => {
    await recorder.stop();
    await stack?.stop();
  }, 60_000);

  it('refuses to promote a canary with fewer decisions than the gate minimum (409 ROLLOUT.GATE_FAILED)', async () => {
    const released = await releaseToCanary(client, join(root, 'examples/bundles/org/baseline.yaml'));
    expect(released.rollout.canary).toMatchObject({ version: '1.0.0', percentage: 10 });
    await pdpServesCanary(client, POLICY, '1.0.0', 10);
    await nextWindowStart(WINDOW_MS); // every decision below lands in a window that started after the step
    const context = { user: { email: 'dev@example.com', team: 'alpha' }, api_token: 't0p-secret' };
    const few = await decideFor(client, subjectsInCohorts(POLICY, 0, 10, 5), { ...pypi, request: { ...pypi.request, context } });
    expect(few.map((d) => [d.version, d.bundles.map((b) => b.canary), d.result.effect])).toEqual(Array(5).fill(['1.0.0', [true], 'allow']));

    const gate = await eventually('distribution to count the 5 decisions', async () => {
      const { gate: g } = await rollout();
      return g?.reasons.some((r) => r.startsWith('5 decisions')) ? g : undefined;
    }, 120_000);
    expect(gate).toMatchObject({ passed: false, reasons: [`5 decisions, fewer than the ${GATE_MIN_DECISIONS} required`], decisionsCounted: 5 });
    const token = await mintDevToken({ subject: people.carol.subject, roles: [...people.carol.roles] });
    const refused = await fetch(`${client.url('distribution')}/v1/rollouts/${encodeURIComponent(POLICY)}/promote`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}',
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ type: 'urn:edict:problem:ROLLOUT.GATE_FAILED', status: 409, code: 'ROLLOUT.GATE_FAILED', reasons: gate.reasons });
    expect((await rollout()).canary).toMatchObject({ version: '1.0.0', percentage: 10 });

    // decision-log stored them masked, and shows the windows it closed and published
    const logged = (await reader().call<{ items: DecisionLogged['data'][] }>('decision-log', 'GET', `/v1/decisions?policyId=${encodeURIComponent(POLICY)}`)).body.items;
    const mine = logged.filter((d) => few.some((f) => f.decisionId === d.decisionId));
    expect(mine.map((d) => d.request.context)).toEqual(Array(5).fill({ user: { email: '***', team: 'alpha' }, api_token: '***' }));
    const windows = (await reader().call<{ items: StoredWindow[] }>('decision-log', 'GET', `/v1/windows?policyId=${encodeURIComponent(POLICY)}&version=1.0.0&canary=true`)).body.items;
    expect(windows.reduce((n, w) => n + w.total, 0)).toBe(5);
    const published = await eventually('the listed windows on the topic', () => Promise.resolve(
      windows.every((w) => recorder.events.has(w.eventId)) ? windows.map((w) => recorder.events.get(w.eventId)?.event.data) : undefined), 120_000);
    expect(published).toEqual(windows.map(({ eventId: _id, publishedAt: _at, closedAt: _closed, late: _late, publishedRevision: _pub, ...w }) => w));
  }, 300_000);

  it('rolls a canary that denies nearly everything back automatically, with an incident', async () => {
    // 1.0.0 through its gates to 100%: enough canary decisions at each step
    for (const percentage of [10, 50]) {
      await pdpServesCanary(client, POLICY, '1.0.0', percentage);
      await nextWindowStart(WINDOW_MS);
      const traffic = await decideFor(client, subjectsInCohorts(POLICY, 0, percentage, 25), pypi);
      expect(traffic.every((d) => d.version === '1.0.0' && d.bundles[0]?.canary === true)).toBe(true);
      await eventually(`the ${percentage}% gate to pass`, async () => ((await rollout()).gate?.passed ? true : undefined), 120_000);
      expect((await carol().call('distribution', 'POST', `/v1/rollouts/${encodeURIComponent(POLICY)}/promote`, {})).status).toBe(200);
    }
    expect(await rollout()).toMatchObject({ stable: { version: '1.0.0' }, canary: null });

    await releaseToCanary(client, join(root, 'examples/bundles/org/baseline.broken.yaml'));
    await pdpServesCanary(client, POLICY, '1.1.0', 10);
    const subjects = subjectsInCohorts(POLICY, 0, 10, 20);
    // the triggers need 100 decisions in one window: burst from a window's start, again if a burst straddled two
    let trigger: RecordedEvent | undefined;
    for (let attempt = 1; trigger === undefined && attempt <= 6; attempt++) {
      await nextWindowStart(WINDOW_MS);
      const burst = await decideFor(client, Array.from({ length: 150 }, (_, i) => subjects[i % subjects.length]!), pypi, 30);
      expect(burst.every((d) => d.version === '1.1.0' && d.bundles[0]?.canary === true && d.result.effect === 'deny' && d.result.rule === 'deny-all-network')).toBe(true);
      for (const [start, count] of perWindow(burst, WINDOW_MS)) {
        const closed = await windowOnTopic('1.1.0', start);
        expect(closed.event.data).toMatchObject({ policyId: POLICY, total: count, denies: count, errors: 0, noMatches: 0 });
        if (count >= 100) trigger ??= closed;
      }
    }
    expect(trigger).toBeDefined();
    const window = trigger!.event.data as unknown as Window;
    expect(trigger!.event).toMatchObject({ subject: POLICY, source: '/edict/decision-log', id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) });

    const oncall = client.as(people.dave.subject, [...people.dave.roles]);
    const incident = await eventually('incident-response to open the incident', async () =>
      (await oncall.call<{ items: { incidentId: string; policyId: string; version: string; trigger: string }[] }>('incident-response', 'GET', '/v1/incidents')).body.items
        .find((i) => i.policyId === POLICY && i.version === '1.1.0' && i.trigger === 'deny_rate'), 120_000);
    expect(incident?.incidentId).toMatch(/^INC-\d{4}-\d{4,}$/);
    const incidentId = incident.incidentId;
    expect(incident).toMatchObject({ policyId: POLICY, version: '1.1.0', trigger: 'deny_rate', severity: 'high', status: 'open', rollbackRequested: true });

    const after = await eventually('distribution to roll 1.1.0 back', async () => {
      const r = await rollout();
      return r.canary === null && r.archived.includes('1.1.0') ? r : undefined;
    }, 120_000);
    expect(after.stable).toMatchObject({ version: '1.0.0' });
    const again = await askPdpUntilVersion(client, { ...pypi, subject: subjects[0]! }, '1.0.0', 120_000);
    expect(again.result).toMatchObject({ effect: 'allow', rule: 'allow-registries' });

    const rolledBack = await eventually('BundleRolledBack on the rollouts topic', () => Promise.resolve(
      recorder.ofType(cloudEventTypes.BundleRolledBack).find(({ event }) => event.data?.['fromVersion'] === '1.1.0')), 120_000);
    expect(rolledBack.event.data).toMatchObject({ policyId: POLICY, toVersion: '1.0.0', automatic: true, incidentId, rolledBackBy: 'system:incident-response' });
    const requested = await eventually('RollbackRequested on the incidents topic', () => Promise.resolve(
      recorder.ofType(cloudEventTypes.RollbackRequested).find(({ event }) => event.data?.['incidentId'] === incidentId)), 120_000);
    expect(requested.event.data).toMatchObject({ policyId: POLICY, version: '1.1.0' });
    const listed = await eventually('the window listed as published by decision-log', async () => {
      const items = (await reader().call<{ items: StoredWindow[] }>('decision-log', 'GET', `/v1/windows?policyId=${encodeURIComponent(POLICY)}&version=1.1.0&canary=true`)).body.items;
      return items.find((w) => w.eventId === trigger!.event.id && w.publishedAt !== null);
    }, 120_000);
    expect(listed).toMatchObject(window);
  }, 600_000);
});
