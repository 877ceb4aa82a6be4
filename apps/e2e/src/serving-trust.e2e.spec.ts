import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecisionLogged } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';
import { eventually, freePort, people, repoRoot, shipBundle, spawnService, StackClient, startStack, uniqueName, waitReady, type ServiceProcess, type Stack } from '@edict/testing';
import { makeLocalCa } from './trust/local-ca';
import { TamperingProxy } from './trust/tampering-proxy';

/** The status of a GET over HTTPS trusting only `ca` (the test process cannot set NODE_EXTRA_CA_CERTS for itself). */
const httpsStatus = (url: string, ca: Buffer): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });

type Decision = DecisionLogged['data'];
type State = Record<string, unknown> & { manifest: { manifest: Record<string, unknown> } };

/**
 * An attacker on the plain-HTTP path between a PDP and distribution (issue 7 §1): the PDP obeys
 * only distribution's signed serving manifest, verified with a key pinned at deploy time. An
 * injected kill switch with a higher revision, a replayed older manifest and an old bundle served
 * under the current manifest are each refused and counted; the PDP keeps its last verified state
 * and says so in `/readyz`.
 */
describe('serving state a PDP can trust', () => {
  const root = repoRoot();
  const logDir = mkdtempSync(join(tmpdir(), 'edict-trust-'));
  const proxied = mkdtempSync(join(tmpdir(), 'edict-trust-pdp-'));
  let stack: Stack;
  let client: StackClient;
  let proxy: TamperingProxy;
  let pdp: ServiceProcess;
  let token: string;
  /** distribution's real answer while 1.1.0 served, kept for the replays */
  let recorded110 = '';
  const extra: ServiceProcess[] = [];
  const question = { policyId: 'org/baseline', subject: 'agent-7', request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } };

  const ask = async (): Promise<Decision> => {
    const response = await fetch(`${pdp.url}/v1/decisions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(question) });
    if (!response.ok) throw new Error(`PDP answered ${response.status}`);
    return (await response.json()) as Decision;
  };
  const untrusted = async (reason: string): Promise<number> => {
    const text = await (await fetch(`${pdp.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('edict_pdp_untrusted_total{') && l.includes(`reason="${reason}"`));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  const refusedAgain = async (reason: string): Promise<void> => {
    const before = await untrusted(reason);
    await eventually(`a ${reason} refusal`, async () => ((await untrusted(reason)) > before ? true : undefined), 30_000, 100);
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('trust').replace(/-/g, '_'),
      logDir,
      env: { EDICT_TOPIC_PREFIX: `${uniqueName('trust')}.`, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'), LOG_LEVEL: 'warn' },
    });
    client = new StackClient(stack.env);
    token = await mintDevToken({ subject: 'svc-web', roles: ['platform'], ttlSeconds: 3600 });
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.candidate.yaml'));

    // the manifest key is pinned from a channel the attacker does not sit on (here: asked directly)
    const jwks = await (await fetch(`${client.url('distribution')}/.well-known/jwks.json`)).text();
    writeFileSync(join(proxied, 'distribution-jwks.json'), jwks);
    proxy = new TamperingProxy(client.url('distribution'));
    const viaProxy = await proxy.start();
    pdp = spawnService(root, 'pdp', await freePort(), {
      ...process.env,
      ...stack.env,
      EDICT_DISTRIBUTION_URL: viaProxy,
      EDICT_PDP_MANIFEST_JWKS_FILE: join(proxied, 'distribution-jwks.json'),
      EDICT_PDP_NAME: uniqueName('pdp-proxied'),
      EDICT_PDP_RESYNC_MS: '300',
    }, proxied);
    await waitReady(pdp);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(extra.map((s) => s.stop()));
    await pdp?.stop();
    await proxy?.stop();
    await stack?.stop();
  }, 60_000);

  it('refuses an injected kill switch with a higher revision, and keeps deciding with the signed state', async () => {
    expect(await eventually('1.1.0 through the proxy', async () => ((await ask()).version === '1.1.0' ? true : undefined))).toBe(true);
    proxy.mode = {
      kind: 'rewrite',
      rewrite: (s) => {
        const state = s as State;
        const killSwitch = { mode: 'fail-open', reason: 'injected' };
        return { ...state, killSwitch, revision: 9_999, manifest: { ...state.manifest, manifest: { ...state.manifest.manifest, killSwitch, revision: 9_999 } } };
      },
    };
    await refusedAgain('manifest_signature_invalid');
    expect(await ask()).toMatchObject({ version: '1.1.0', result: { effect: 'deny', rule: 'network-default-deny' } });

    const ready = (await (await fetch(`${pdp.url}/readyz`)).json()) as { checks: Record<string, { detail?: string }> };
    expect(ready.checks['trust']?.detail).toMatch(/org\/baseline: refused a serving state \(manifest_signature_invalid\); kept revision \d+/);
  });

  it('refuses a replay of the older signed manifest after a rollback', async () => {
    proxy.mode = { kind: 'pass' };
    recorded110 = await eventually('a recorded 1.1.0 serving answer', () => Promise.resolve(proxy.lastServing?.includes('"version":"1.1.0"') ? proxy.lastServing : undefined));
    const oncall = client.as(people.dave.subject, [...people.dave.roles]);
    expect((await oncall.call('distribution', 'POST', '/v1/rollouts/org%2Fbaseline/rollback', { reason: '1.1.0 cut every team off PyPI' })).status).toBe(200);
    await eventually('1.0.0 through the proxy', async () => ((await ask()).version === '1.0.0' ? true : undefined));

    proxy.mode = { kind: 'replay', body: recorded110 };
    await refusedAgain('manifest_stale');
    expect(await ask()).toMatchObject({ version: '1.0.0', result: { effect: 'allow', rule: 'allow-registries' } });
  });

  it('refuses the rolled-back bundle, validly signed, served under the current manifest', async () => {
    const old = (JSON.parse(recorded110) as State[]).find((s) => s['policyId'] === 'org/baseline');
    expect(old?.['stable']).toMatchObject({ version: '1.1.0' });
    proxy.mode = { kind: 'rewrite', rewrite: (s) => (s['policyId'] === 'org/baseline' ? { ...s, stable: old?.['stable'] } : s) };
    await refusedAgain('bundle_mismatch');
    expect(await ask()).toMatchObject({ version: '1.0.0', result: { effect: 'allow' } });
  });

  it('reaches distribution over TLS with a private CA, and refuses a server it cannot verify', async () => {
    const { ca, cert, key } = makeLocalCa(proxied);
    const port = await freePort();
    const tlsDir = mkdtempSync(join(tmpdir(), 'edict-trust-tls-'));
    const distribution = spawnService(root, 'distribution', port, { ...process.env, ...stack.env, EDICT_TLS_CERT_FILE: cert, EDICT_TLS_KEY_FILE: key }, tlsDir);
    extra.push(distribution);
    const caPem = readFileSync(ca);
    await eventually('distribution over HTTPS', () => httpsStatus(`https://127.0.0.1:${port}/readyz`, caPem).then((s) => (s === 200 ? true : undefined)), 90_000);

    const trusting = spawnService(root, 'pdp', await freePort(), {
      ...process.env, ...stack.env, EDICT_DISTRIBUTION_URL: `https://127.0.0.1:${port}`, NODE_EXTRA_CA_CERTS: ca, EDICT_PDP_NAME: uniqueName('pdp-tls'),
    }, mkdtempSync(join(tmpdir(), 'edict-trust-pdp-tls-')));
    extra.push(trusting);
    await waitReady(trusting);
    const answer = await fetch(`${trusting.url}/v1/decisions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(question) });
    expect(await answer.json()).toMatchObject({ version: '1.0.0', result: { effect: 'allow' } });

    const untrusting = spawnService(root, 'pdp', await freePort(), {
      ...process.env, ...stack.env, EDICT_DISTRIBUTION_URL: `https://127.0.0.1:${port}`, EDICT_PDP_NAME: uniqueName('pdp-no-ca'),
    }, mkdtempSync(join(tmpdir(), 'edict-trust-pdp-no-ca-')));
    extra.push(untrusting);
    const refused = await eventually('the PDP without the CA to refuse the certificate', () => {
      const log = readFileSync(untrusting.logFile, 'utf8');
      return Promise.resolve(/bundle sync failed/.test(log) ? log : undefined);
    }, 60_000);
    expect(refused).toMatch(/certificate|self.signed|UNABLE_TO_VERIFY|fetch failed/i);
    // its first sync runs before it listens: wait until it answers at all, then it must not be ready
    const status = await eventually('the PDP without the CA to answer /readyz', async () => (await fetch(`${untrusting.url}/readyz`)).status, 60_000);
    expect(status).toBe(503);
  });

  it("decides only for the caller's own subject when an operator binds it to the token", async () => {
    const bound = spawnService(root, 'pdp', await freePort(), { ...process.env, ...stack.env, EDICT_PDP_SUBJECT_BINDING: 'token', EDICT_PDP_NAME: uniqueName('pdp-bound') }, mkdtempSync(join(tmpdir(), 'edict-trust-bound-')));
    extra.push(bound);
    await waitReady(bound);
    const decide = (subject: string) => fetch(`${bound.url}/v1/decisions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...question, subject }) });
    const other = await decide('agent-7');
    expect({ status: other.status, body: await other.json() }).toMatchObject({ status: 403, body: { code: 'PDP.SUBJECT_MISMATCH' } });
    const own = await decide('svc-web');
    expect({ status: own.status, body: await own.json() }).toMatchObject({ status: 200, body: { subject: 'svc-web', version: '1.0.0' } });
  });

  it('decides on catastrophic-backtracking patterns at once (RE2) and stays healthy', async () => {
    await shipBundle(client, join(root, 'examples/bundles/org/regex.yaml'));
    const caller = client.as('svc-web', ['platform']);
    const evil = [
      { action: 'fs.read', resource: `${'a'.repeat(28)}!`, effect: 'allow' },
      { action: 'fs.write', resource: 'a'.repeat(1000), effect: 'allow' },
      { action: 'fs.write', resource: `${'a'.repeat(1000)}b`, effect: 'deny' },
    ];
    for (const { action, resource, effect } of evil) {
      const decided = await eventually('org/regex at the PDP', async () => {
        const answer = await caller.call<Decision>('pdp', 'POST', '/v1/decisions', { policyId: 'org/regex', subject: 's', request: { agent: 'coder', action, resource } });
        return answer.body.version === '1.0.0' ? answer.body : undefined;
      });
      expect(decided.result).toMatchObject({ effect });
      expect((await fetch(`${client.url('pdp')}/healthz`)).status).toBe(200);
    }
  });
});
