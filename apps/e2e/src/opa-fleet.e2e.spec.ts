import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cohortOf, type BundleSigned, type DecisionLogged, type DecisionWindowClosed, type FleetView } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';
import { eventually, OpaAgents, people, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { denyMessage, FLEET_POLICY, fleetBundle } from './opa-fleet/fleet-bundles';
import { releaseToCanary, type RolloutView } from './release-bundle';

const OPA_MEDIA_TYPE = 'application/vnd.openpolicyagent.bundles';
const AGENT = 'opa-e2e-1';
/** Ten agents on org/opafleet; whose cohort is below 10 (cohortOf(policy, id), fixed by the ids) get a 10% canary. */
const FLEET = Array.from({ length: 10 }, (_, i) => `opa-fleet-${i}`);
const MIN_SAMPLE = 20;
const PDP_NAME = uniqueName('pdp');

/**
 * Issue 9 (Bundle Service and Status APIs, fleet view) with a STOCK opa configured only from OPA's
 * documented config (libs/testing/src/stack/opa-agents.ts, the file docs/opa-fleets.md shows): it long-polls
 * `/opa/bundles/org/egress`, verifies the signed bundle with signing's PEM (`signing.keyid`),
 * answers with it and reports status, which the fleet view shows; a rollback reaches it through
 * the long poll (polling delays of 120-180 s would not bring it within the wait). Then ten agents
 * on org/opafleet reporting their decisions to decision-log: a 10% canary reaches the agents in
 * its cohorts, a canary that denies everything is rolled back from the decisions opa reported
 * (5 s windows, trigger minimum 20 decisions for the policy), and a rollback reaches all ten in 5 s.
 */
describe('stock opa agents served by Edict (Bundle Service API, Status API, fleet view)', () => {
  const root = repoRoot();
  const dir = mkdtempSync(join(tmpdir(), 'edict-opa-fleet-'));
  const agents = new OpaAgents(process.env['OPA_PATH'] ?? '', dir);
  let stack: Stack;
  let client: StackClient;
  let port = 0;
  let signingKey: { kid: string; pem: string };
  const carol = (): ReturnType<StackClient['as']> => client.as(people.carol.subject, [...people.carol.roles]);
  const fleet = async (): Promise<FleetView> => (await client.as('olga', ['oncall']).call<FleetView>('distribution', 'GET', '/v1/fleet')).body;
  const agentPolicy = async (): Promise<FleetView['agents'][number]['policies'][number] | undefined> =>
    (await fleet()).agents.find((a) => a.id === AGENT)?.policies.find((p) => p.policyId === 'org/egress');
  const bundleRequest = async (headers: Record<string, string>, roles: ('pdp' | 'author')[] = ['pdp']): Promise<Response> => {
    const token = await mintDevToken({ subject: 'opa-probe', roles, ttlSeconds: 600 });
    return fetch(`${client.url('distribution')}/opa/bundles/org/egress`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  };

  beforeAll(async () => {
    if (!process.env['OPA_PATH']) throw new Error('OPA_PATH is not set (the e2e tier provides it)');
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('opafleet').replace(/-/g, '_'),
      logDir: join(dir, 'logs'),
      env: { EDICT_TOPIC_PREFIX: `${uniqueName('opafleet')}.`, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0',
        // the auto-rollback test follows closed windows (the fast path is off); opa reports its decisions every 1-2 s
        EDICT_DECISION_WINDOW_SECONDS: '5', EDICT_DECISION_ALLOWED_LATENESS_MS: '8000', EDICT_FAST_TRIGGER_MIN_SAMPLE_SIZE: '0',
        EDICT_PDP_NAME: PDP_NAME, EDICT_PDP_FLEET_REPORT_MS: '1000', LOG_LEVEL: 'warn' },
    });
    client = new StackClient(stack.env);
  }, 300_000);

  afterAll(async () => {
    await agents.stop();
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('ships egress 1.0.0 then 1.1.0 to 100%; a stock opa long-polling Edict verifies and loads 1.1.0 and answers with it', async () => {
    await shipBundle(client, join(root, 'examples/bundles/org/egress.rego.yaml'));
    const next = join(dir, 'egress-1.1.0.yaml');
    writeFileSync(next, readFileSync(join(root, 'examples/bundles/org/egress.rego.yaml'), 'utf8').replace('version: 1.0.0', 'version: 1.1.0').replaceAll('example domain blocked', 'example domain blocked in 1.1.0'));
    await shipBundle(client, next);
    const signature = await client.as(people.alice.subject, [...people.alice.roles]).call<BundleSigned['data']>('signing', 'GET', '/v1/signatures/org%2Fegress/versions/1.1.0');
    const kid = signature.body.opa?.kid;
    if (!kid) throw new Error(`1.1.0 has no OPA form: ${JSON.stringify(signature.body)}`);
    const pem = await (await fetch(`${client.url('signing')}/v1/keys/${kid}.pem`)).text();
    const token = await mintDevToken({ subject: 'opa-fleet-e2e', roles: ['pdp'], ttlSeconds: 3600 });
    signingKey = { kid, pem };
    port = await agents.start({ agentId: AGENT, distributionUrl: client.url('distribution'), token, keys: { [kid]: pem }, keyid: kid, policyId: 'org/egress', longPollingSeconds: 60 });
    const answer = await eventually(`opa answering with 1.1.0 (${agents.output(AGENT).slice(-500)})`, async () => {
      const deny = await OpaAgents.query(port, 'edict/org/egress/deny', { url: 'api.example.com' });
      return Array.isArray(deny) && deny.length > 0 ? deny : undefined;
    }, 60_000);
    expect(answer).toEqual(['example domain blocked in 1.1.0']);
    expect(await OpaAgents.query(port, 'edict/org/egress/deny', { url: 'pypi.org' })).toEqual([]);
  });

  it("shows the agent in GET /v1/fleet from its status report: labels, 1.1.0 active and expected, last activation, no error, not stale", async () => {
    const policy = await eventually('the status report of 1.1.0', async () => ((await agentPolicy())?.activeRevision === '1.1.0' ? agentPolicy() : undefined));
    expect(policy).toEqual(expect.objectContaining({ activeRevision: '1.1.0', expectedRevision: '1.1.0', servedRevision: '1.1.0', code: null, errors: [], state: 'current' }));
    expect(Date.parse(policy?.lastActivation ?? '')).not.toBeNaN();
    const agent = (await fleet()).agents.find((a) => a.id === AGENT);
    expect(agent).toEqual(expect.objectContaining({ kind: 'opa', stale: false, labels: expect.objectContaining({ fleet: 'e2e', region: 'local', id: expect.any(String) }) }));
    // the gauge counts the fleet: this agent and the stack's own PDP (which reports every second)
    const counted = await eventually('edict_fleet_agents to count the agent and the PDP on org/egress 1.1.0', async () => {
      const metrics = await (await fetch(`${client.url('distribution')}/metrics`)).text();
      return /edict_fleet_agents\{policy="org\/egress",version="1\.1\.0",state="current"\} 2/.test(metrics) ? metrics : undefined;
    }, 30_000);
    expect(counted).toMatch(/edict_fleet_agents\{policy="org\/egress",version="1\.1\.0",state="current"\} 2/);
  });

  it('a rollback reaches the agent through its long poll: it activates 1.0.0 again and reports it', async () => {
    const rolledBack = await carol().call('distribution', 'POST', '/v1/rollouts/org%2Fegress/rollback', { reason: 'e2e: back to 1.0.0' });
    expect(rolledBack.status).toBe(200);
    // the agent's next poll would come 120-180 s after the last answer without long polling; it is woken instead
    const deny = await eventually('opa answering with 1.0.0', async () => {
      const answer = await OpaAgents.query(port, 'edict/org/egress/deny', { url: 'api.example.com' });
      return Array.isArray(answer) && answer[0] === 'example domain blocked' ? answer : undefined;
    }, 30_000);
    expect(deny).toEqual(['example domain blocked']);
    const policy = await eventually('the status report of 1.0.0', async () => ((await agentPolicy())?.activeRevision === '1.0.0' ? agentPolicy() : undefined), 30_000);
    expect(policy).toEqual(expect.objectContaining({ expectedRevision: '1.0.0', state: 'current' }));
  });

  it("kill switch: a fail-closed bundle signed by distribution's key reaches an agent trusting that key; the agent pinned to signing's key refuses it, which the fleet view shows", async () => {
    const jwks = (await (await fetch(`${client.url('distribution')}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const distKid = jwks.keys[0]?.kid ?? '';
    const distPem = await (await fetch(`${client.url('distribution')}/opa/keys/distribution.pem`)).text();
    expect(distPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const token = await mintDevToken({ subject: 'opa-fleet-e2e', roles: ['pdp'], ttlSeconds: 3600 });
    const trusting = await agents.start({ agentId: 'opa-e2e-2', distributionUrl: client.url('distribution'), token, keys: { [signingKey.kid]: signingKey.pem, [distKid]: distPem }, policyId: 'org/egress', longPollingSeconds: 60 });
    const denyOf = async (agentPort: number): Promise<unknown> => OpaAgents.query(agentPort, 'edict/org/egress/deny', { url: 'api.example.com' });
    await eventually('the second agent on 1.0.0', async () => ((await denyOf(trusting)) as string[] | undefined)?.[0] === 'example domain blocked' || undefined, 60_000);

    const admin = await mintDevToken({ subject: 'root', roles: ['admin'], ttlSeconds: 600 });
    const killSwitch = (action: 'disable' | 'enable', body: Record<string, string>): Promise<Response> =>
      fetch(`${client.url('distribution')}/v1/rollouts/org%2Fegress/${action}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'x-edict-override': 'true' }, body: JSON.stringify(body) });
    expect((await killSwitch('disable', { mode: 'fail-closed', reason: 'e2e: kill switch drill' })).status).toBe(200);
    await eventually('the kill-switch bundle on the trusting agent', async () => ((await OpaAgents.query(trusting, 'edict/org/egress/allow', {})) === false || undefined), 30_000);
    expect(await denyOf(trusting)).toEqual(['edict kill switch: policy disabled (fail-closed)']);
    const refused = await eventually('the refusal in the fleet view', async () => {
      const p = await agentPolicy();
      return p?.state === 'error' ? p : undefined;
    }, 30_000);
    expect(refused).toEqual(expect.objectContaining({ activeRevision: '1.0.0', expectedRevision: 'kill-switch-fail-closed', code: 'bundle_error' }));
    expect(await denyOf(port)).toEqual(['example domain blocked']); // the pinned agent keeps its last verified bundle

    expect((await killSwitch('enable', { reason: 'e2e: drill over' })).status).toBe(200);
    await eventually('both agents back on 1.0.0', async () => {
      const [a, b] = [await denyOf(port), await denyOf(trusting)];
      return (a as string[])[0] === 'example domain blocked' && (b as string[] | undefined)?.[0] === 'example domain blocked' || undefined;
    }, 30_000);
    // the trusting agent is woken by its long poll; the pinned one refused, so it retries on OPA's backoff (up to max_delay_seconds)
    const trustingBack = await eventually('the trusting agent current on 1.0.0 in the fleet view', async () => {
      const p = (await fleet()).agents.find((a) => a.id === 'opa-e2e-2')?.policies.find((q) => q.policyId === 'org/egress');
      return p?.state === 'current' && p.activeRevision === '1.0.0' ? p : undefined;
    }, 30_000);
    expect(trustingBack.expectedRevision).toBe('1.0.0');
    expect((await agentPolicy())?.expectedRevision).toBe('1.0.0');
  });

  it('answers a current ETag with 304 (long-poll content type), and refuses bad input with clear codes', async () => {
    const current = await bundleRequest({ 'x-edict-agent-id': AGENT });
    expect(current.status).toBe(200);
    expect(current.headers.get('content-type')).toBe(OPA_MEDIA_TYPE);
    const etag = current.headers.get('etag') ?? '';
    const unchanged = await bundleRequest({ 'x-edict-agent-id': AGENT, 'if-none-match': etag, prefer: 'modes=snapshot,delta;wait=1' });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('content-type')).toBe(OPA_MEDIA_TYPE);
    const outOfRange = await bundleRequest({ prefer: 'wait=100000' });
    expect(outOfRange.status).toBe(400);
    expect(((await outOfRange.json()) as { code: string }).code).toBe('OPA.PREFER_WAIT_INVALID');
    expect((await bundleRequest({}, ['author'])).status).toBe(403);
    const token = await mintDevToken({ subject: 'opa-probe', roles: ['pdp'], ttlSeconds: 600 });
    const unknown = await fetch(`${client.url('distribution')}/opa/bundles/org/nothing-here`, { headers: { authorization: `Bearer ${token}` } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('OPA.BUNDLE_NOT_FOUND');
    const before = await fleet();
    const malformed = await fetch(`${client.url('distribution')}/opa/status`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ bundles: 'nope' }) });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe('OPA.STATUS_INVALID');
    expect((await fleet()).agents.map((a) => a.id)).toEqual(before.agents.map((a) => a.id));
    const pdpReport = await fetch(`${client.url('distribution')}/v1/fleet/pdps`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-edict-agent-id': 'pdp-bad' }, body: JSON.stringify({ policies: [{ policyId: 'Nope', revision: '1.0.0' }] }) });
    expect(pdpReport.status).toBe(400);
    expect(((await pdpReport.json()) as { code: string }).code).toBe('FLEET.PDP_REPORT_INVALID');
    expect((await fleet()).agents.map((a) => a.id)).toEqual(before.agents.map((a) => a.id));
  });

  it('serves the discovery bundle for named policies (ETag, 304), and refuses a request that names none', async () => {
    const token = await mintDevToken({ subject: 'opa-probe', roles: ['pdp'], ttlSeconds: 600 });
    const get = (query: string, headers: Record<string, string> = {}): Promise<Response> =>
      fetch(`${client.url('distribution')}/opa/discovery${query}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
    const bundle = await get('?policies=org/egress');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('x-edict-revision')).toMatch(/^discovery-[0-9a-f]{16}$/);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect((await get('?policies=org/egress', { 'if-none-match': bundle.headers.get('etag') ?? '' })).status).toBe(304);
    const none = await get('');
    expect(none.status).toBe(400);
    expect(((await none.json()) as { code: string }).code).toBe('OPA.DISCOVERY_POLICIES_INVALID');
  });

  describe('ten agents on one policy, reporting their decisions', () => {
    const ports = new Map<string, number>();
    const canaryAgents = FLEET.filter((id) => cohortOf(FLEET_POLICY, id) < 10);
    const fleetFile = (version: string, denyAll = false): string => {
      const file = join(dir, `opafleet-${version}.yaml`);
      writeFileSync(file, fleetBundle(version, denyAll));
      return file;
    };
    const revisions = async (): Promise<Map<string, string | undefined>> =>
      new Map(await Promise.all(FLEET.map(async (id) => [id, await OpaAgents.revision(ports.get(id) ?? 0, FLEET_POLICY).catch(() => undefined)] as const)));
    const allOn = (version: string, timeoutMs: number, intervalMs = 250): Promise<true> => eventually(`all ten agents on ${version}`, async () => {
      const now = await revisions();
      return [...now.values()].every((r) => r === version) ? true : undefined;
    }, timeoutMs, intervalMs);
    const rolloutOf = async (): Promise<RolloutView> => (await carol().call<RolloutView>('distribution', 'GET', `/v1/rollouts/${encodeURIComponent(FLEET_POLICY)}`)).body;

    it('ships org/opafleet 1.0.0 to ten long-polling agents; a 10% canary (a Rego that denies everything) reaches the agents in its cohorts: 1 (±1) of 10', async () => {
      const settings = await carol().call('incident-response', 'PUT', `/v1/trigger-settings/${encodeURIComponent(FLEET_POLICY)}`, { minSampleSize: MIN_SAMPLE });
      expect(settings.status).toBe(200);
      await shipBundle(client, fleetFile('1.0.0'));
      const token = await mintDevToken({ subject: 'opa-fleet-e2e', roles: ['pdp'], ttlSeconds: 3600 });
      for (const agentId of FLEET) {
        ports.set(agentId, await agents.start({
          agentId, distributionUrl: client.url('distribution'), decisionLogUrl: client.url('decision-log'), token,
          keys: { [signingKey.kid]: signingKey.pem }, keyid: signingKey.kid, policyId: FLEET_POLICY, longPollingSeconds: 60,
        }));
      }
      await allOn('1.0.0', 120_000);

      const released = await releaseToCanary(client, fleetFile('1.1.0', true));
      expect(released.rollout.canary).toMatchObject({ version: '1.1.0', percentage: 10 });
      expect(Math.abs(canaryAgents.length - 1)).toBeLessThanOrEqual(1);
      expect(canaryAgents.length).toBeGreaterThan(0); // the next test needs a canary agent to report decisions
      await eventually('the canary agents on 1.1.0', async () => {
        const now = await revisions();
        return canaryAgents.every((id) => now.get(id) === '1.1.0') ? true : undefined;
      }, 60_000);
      // distribution's answer to every agent: the canary to the agents in its cohorts, the stable to the rest
      const expected = new Map((await fleet()).agents.filter((a) => FLEET.includes(a.id)).map((a) => [a.id, a.policies.find((p) => p.policyId === FLEET_POLICY)?.expectedRevision]));
      expect(expected).toEqual(new Map(FLEET.map((id) => [id, canaryAgents.includes(id) ? '1.1.0' : '1.0.0'])));
      const now = await revisions();
      expect(FLEET.filter((id) => now.get(id) === '1.1.0')).toEqual(canaryAgents);
      process.stdout.write(`opa fleet: a 10% canary of ${FLEET_POLICY} reached ${canaryAgents.length} of ${FLEET.length} agents (${canaryAgents.join(', ')})\n`);
      const answer = await OpaAgents.query(ports.get(canaryAgents[0] ?? '') ?? 0, 'edict/org/opafleet/deny', { url: 'pypi.org' });
      expect(answer).toEqual([denyMessage('1.1.0', true)]);
    }, 300_000);

    it('rolls the deny-all canary back automatically from the decisions opa reported: windows → deny_rate incident → rollback → every agent on 1.0.0 again', async () => {
      const oncall = client.as(people.dave.subject, [...people.dave.roles]);
      let asked = 0;
      // the canary agents keep answering (denying) until the incident opens; opa reports the decisions every 1-2 s
      const incident = await eventually('a deny_rate incident on org/opafleet@1.1.0', async () => {
        const found = (await oncall.call<{ items: { incidentId: string; policyId: string; version: string; trigger: string; rollbackRequested: boolean }[] }>('incident-response', 'GET', '/v1/incidents')).body.items
          .find((i) => i.policyId === FLEET_POLICY && i.version === '1.1.0' && i.trigger === 'deny_rate');
        if (found) return found;
        for (const id of canaryAgents) {
          await Promise.all(Array.from({ length: 10 }, (_, n) => OpaAgents.query(ports.get(id) ?? 0, 'edict/org/opafleet/deny', { url: `host-${asked + n}.example.org` })));
          asked += 10;
        }
        return undefined;
      }, 180_000, 500);
      expect(incident).toMatchObject({ version: '1.1.0', trigger: 'deny_rate', rollbackRequested: true });

      const rollout = await eventually('distribution to roll 1.1.0 back', async () => {
        const r = await rolloutOf();
        return r.canary === null && r.archived.includes('1.1.0') ? r : undefined;
      }, 60_000);
      expect(rollout.stable?.version).toBe('1.0.0');
      await allOn('1.0.0', 30_000);
      expect(await OpaAgents.query(ports.get(canaryAgents[0] ?? '') ?? 0, 'edict/org/opafleet/deny', { url: 'pypi.org' })).toEqual([]);

      // what it was decided on: opa's own decisions, logged as canary decisions of 1.1.0, in a closed window of at least MIN_SAMPLE denies
      const reader = client.as('erin', ['auditor']);
      const decisions = (await reader.call<{ items: DecisionLogged['data'][] }>('decision-log', 'GET', `/v1/decisions?policyId=${encodeURIComponent(FLEET_POLICY)}&version=1.1.0&limit=1000`)).body.items
        .filter((d) => d.version === '1.1.0');
      expect(decisions.length).toBeGreaterThanOrEqual(MIN_SAMPLE);
      expect(new Set(decisions.map((d) => `${d.source} ${d.result.effect} ${String(d.bundles[0]?.canary)}`))).toEqual(new Set(['opa deny true']));
      expect(new Set(decisions.map((d) => d.decisionPoint))).toEqual(new Set(canaryAgents));
      const windows = (await reader.call<{ items: DecisionWindowClosed['data'][] }>('decision-log', 'GET', `/v1/windows?policyId=${encodeURIComponent(FLEET_POLICY)}&version=1.1.0&canary=true`)).body.items;
      expect(windows.some((w) => w.total >= MIN_SAMPLE && w.denies === w.total)).toBe(true);
      process.stdout.write(`opa fleet: ${asked} queries to the canary agents, ${decisions.length} decisions logged, rolled back by ${incident.incidentId}\n`);
    }, 300_000);

    it('a rollback reaches all ten long-polling agents within 5 s', async () => {
      await releaseToCanary(client, fleetFile('1.2.0'));
      for (let step = 0; step < 2; step++) expect((await carol().call('distribution', 'POST', `/v1/rollouts/${encodeURIComponent(FLEET_POLICY)}/promote`, {})).status).toBe(200);
      await allOn('1.2.0', 60_000);
      const started = Date.now();
      const rolledBack = await carol().call('distribution', 'POST', `/v1/rollouts/${encodeURIComponent(FLEET_POLICY)}/rollback`, { reason: 'e2e: fleet propagation' });
      expect(rolledBack.status).toBe(200);
      // the requirement itself: every agent activates 1.0.0 within 5 s of the rollback command
      await allOn('1.0.0', 5000 - (Date.now() - started), 50);
      process.stdout.write(`opa fleet: rollback to 1.0.0 active on all ${FLEET.length} agents ${Date.now() - started} ms after the command (load ${readFileSync('/proc/loadavg', 'utf8').trim()})\n`);
    }, 180_000);

    it("shows the stack's Edict PDP beside the ten agents in the fleet view, from its reports: what it holds of org/opafleet, current, and in edict_fleet_agents", async () => {
      const pdp = await eventually('the PDP current on org/opafleet 1.0.0', async () => {
        const entry = (await fleet()).agents.find((a) => a.id === PDP_NAME);
        const held = entry?.policies.find((p) => p.policyId === FLEET_POLICY);
        return held?.activeRevision === '1.0.0' && held.state === 'current' ? entry : undefined;
      }, 30_000);
      expect(pdp).toEqual(expect.objectContaining({ kind: 'pdp', stale: false, labels: expect.objectContaining({ kind: 'edict-pdp' }) }));
      expect(pdp.policies.find((p) => p.policyId === FLEET_POLICY)).toEqual(expect.objectContaining({ expectedRevision: '1.0.0', activeCanary: null, expectedCanary: null }));
      const view = await fleet();
      expect(view.agents.filter((a) => FLEET.includes(a.id)).map((a) => a.kind)).toEqual(Array(10).fill('opa'));
      // ten agents and the PDP current on 1.0.0 (the agents' status reports of the rollback may still be arriving)
      const line = await eventually('edict_fleet_agents for org/opafleet', async () => {
        const metrics = await (await fetch(`${client.url('distribution')}/metrics`)).text();
        return /edict_fleet_agents\{policy="org\/opafleet",version="1\.0\.0",state="current"\} (\d+)/.exec(metrics)?.[1] === '11' ? true : undefined;
      }, 30_000);
      expect(line).toBe(true);
    }, 60_000);
  });
});
