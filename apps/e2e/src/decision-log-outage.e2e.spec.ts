import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnService, eventually, people, repoRoot, StackClient, startStack, uniqueName, waitReady, type ServiceProcess, type Stack } from '@edict/testing';
import { decideFor, nextWindowStart, pdpServesCanary, perWindow, subjectsInCohorts, type Ask } from './canary-traffic';
import { releaseToCanary, type RolloutView } from './release-bundle';

const WINDOW_MS = 4000;
const OUTAGE_MS = 30_000;
const POLICY = 'org/baseline';
const pypi: Ask = { policyId: POLICY, request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } };

/**
 * Decision-log killed (SIGKILL) for 30 s while a canary denies everything: the decisions wait in
 * Kafka, and when decision-log is back its windows close by the decisions' own time behind the
 * watermark, whole, so the deny-rate trigger still fires and the canary is rolled back. (The fast
 * path, which reads the topic itself and would act during the outage, is off in this stack.)
 * (On the former wall-clock closer these decisions were "late" and reached no window.)
 */
describe('decision-log outage during a deny spike', () => {
  const root = repoRoot();
  const logDir = mkdtempSync(join(tmpdir(), 'edict-e2e-dl-outage-'));
  let stack: Stack;
  let client: StackClient;
  let restarted: ServiceProcess | undefined;
  const carol = () => client.as(people.carol.subject, [...people.carol.roles]);
  const rollout = async (): Promise<RolloutView> => (await carol().call<RolloutView>('distribution', 'GET', `/v1/rollouts/${encodeURIComponent(POLICY)}`)).body;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('e2e_dl_outage').replace(/-/g, '_'),
      logDir,
      env: {
        EDICT_TOPIC_PREFIX: `${uniqueName('e2e-dl-outage')}.`,
        EDICT_DECISION_WINDOW_SECONDS: String(WINDOW_MS / 1000),
        EDICT_DECISION_ALLOWED_LATENESS_MS: '1000',
        EDICT_GATE_MIN_DECISIONS: '20',
        EDICT_GATE_SOAK_SECONDS: '0',
        // the fast path (2 s sliding windows read straight from edict.decisions.v1) would roll the
        // canary back during the outage, mid-burst; this test is about the windows decision-log closes
        EDICT_FAST_TRIGGER_MIN_SAMPLE_SIZE: '0',
        EDICT_PDP_NAME: uniqueName('pdp'),
        LOG_LEVEL: 'warn',
      },
    });
    client = new StackClient(stack.env);
  }, 300_000);

  afterAll(async () => {
    await restarted?.stop();
    await stack?.stop();
  }, 60_000);

  it('still rolls the canary back automatically once decision-log is back', async () => {
    for (const percentage of [10, 50]) {
      if (percentage === 10) await releaseToCanary(client, join(root, 'examples/bundles/org/baseline.yaml'));
      await pdpServesCanary(client, POLICY, '1.0.0', percentage);
      await nextWindowStart(WINDOW_MS);
      await decideFor(client, subjectsInCohorts(POLICY, 0, percentage, 25), pypi);
      await eventually(`the ${percentage}% gate to pass`, async () => ((await rollout()).gate?.passed ? true : undefined), 120_000);
      expect((await carol().call('distribution', 'POST', `/v1/rollouts/${encodeURIComponent(POLICY)}/promote`, {})).status).toBe(200);
    }
    await releaseToCanary(client, join(root, 'examples/bundles/org/baseline.broken.yaml'));
    await pdpServesCanary(client, POLICY, '1.1.0', 10);

    const old = stack.services['decision-log'];
    const killedAt = Date.now();
    old.child.kill('SIGKILL');
    const subjects = subjectsInCohorts(POLICY, 0, 10, 20);
    let fullest = 0;
    for (let attempt = 1; fullest < 100 && attempt <= 3; attempt++) {
      await nextWindowStart(WINDOW_MS);
      const burst = await decideFor(client, Array.from({ length: 150 }, (_, i) => subjects[i % subjects.length]!), pypi, 30);
      expect([...new Set(burst.map((d) => `${d.version}:${d.result.effect}`))]).toEqual(['1.1.0:deny']);
      fullest = Math.max(fullest, ...perWindow(burst, WINDOW_MS).values());
    }
    expect(fullest).toBeGreaterThanOrEqual(100);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, killedAt + OUTAGE_MS - Date.now()))); // the outage: 30 s in all
    restarted = spawnService(root, 'decision-log', Number(new URL(old.url).port), { ...process.env, ...stack.env }, logDir);
    await waitReady(restarted);

    const oncall = client.as(people.dave.subject, [...people.dave.roles]);
    const incident = await eventually('incident-response to open a deny-rate incident', async () =>
      (await oncall.call<{ items: { policyId: string; version: string; trigger: string }[] }>('incident-response', 'GET', '/v1/incidents')).body.items
        .find((i) => i.policyId === POLICY && i.version === '1.1.0' && i.trigger === 'deny_rate'), 120_000);
    expect(incident).toMatchObject({ policyId: POLICY, version: '1.1.0', trigger: 'deny_rate' });
    const after = await eventually('distribution to roll 1.1.0 back', async () => {
      const r = await rollout();
      return r.canary === null && r.archived.includes('1.1.0') ? r : undefined;
    }, 120_000);
    expect(after.stable).toMatchObject({ version: '1.0.0' });
  }, 600_000);
});
