import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleSigned, FleetView } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';
import { eventually, people, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { OpaAgents } from './opa-fleet/opa-agent';

const OPA_MEDIA_TYPE = 'application/vnd.openpolicyagent.bundles';
const AGENT = 'opa-e2e-1';

/**
 * Issue 9 (Bundle Service and Status APIs, fleet view) with a STOCK opa configured only from OPA's
 * documented config (opa-fleet/opa-agent.ts, the file docs/opa-fleets.md shows): it long-polls
 * `/opa/bundles/org/egress`, verifies the signed bundle with signing's PEM (`signing.keyid`),
 * answers with it and reports status, which the fleet view shows; a rollback reaches it through
 * the long poll (polling delays of 120-180 s would not bring it within the wait).
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
      env: { EDICT_TOPIC_PREFIX: `${uniqueName('opafleet')}.`, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'), LOG_LEVEL: 'warn' },
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
    const metrics = await (await fetch(`${client.url('distribution')}/metrics`)).text();
    expect(metrics).toMatch(/edict_fleet_agents\{policy="org\/egress",version="1\.1\.0",state="current"\} 1/);
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
  });
});
