import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSignedOpaBundle, opaSignerFromPrivateKey } from '@edict/opa-bundle';
import { freePort } from '@edict/testing';
import { buildDiscoveryBundle, discoveryPolicies } from './discovery-bundle';

/**
 * The real opa (OPA_PATH) booted with only `services`, `keys` and `discovery` pointing at
 * `/opa/discovery?policies=org/egress`: the discovery bundle (signed, verified by opa with the
 * distribution key) configures it to load org/egress from `/opa/bundles/org/egress`, to report
 * status to `/opa/status` and decision logs to the `edict-logs` service. A stub server records
 * what opa asks for and sends.
 */
describe('the discovery bundle, with the real opa', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edict-discovery-'));
  const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const distribution = keyPair();
  const signing = keyPair();
  const seen: { method: string; url: string; agent: string | undefined; auth: string | undefined; body: Buffer }[] = [];
  let server: Server;
  let opa: ChildProcess | undefined;
  let output = '';
  let opaPort = 0;

  const read = async (req: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const until = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; opa said: ${output.slice(-1500)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    const opaPath = process.env['OPA_PATH'];
    if (!opaPath) throw new Error('OPA_PATH is not set (the int tier provides it)');
    const discovery = await buildDiscoveryBundle(discoveryPolicies('org/egress'), { kid: 'distribution', sign: opaSignerFromPrivateKey(distribution.privateKey, 'ES256') });
    const egress = await buildSignedOpaBundle(
      { policyId: 'org/egress', version: '1.0.0', rego: { modules: { 'policy.rego': 'package edict.org.egress\n\ndeny contains "example domain blocked" if input.url == "api.example.com"\n' } } },
      { kid: 'signing', sign: opaSignerFromPrivateKey(signing.privateKey, 'ES256') },
    );
    server = createServer((req, res) => {
      void read(req).then((body) => {
        const url = req.url ?? '';
        seen.push({ method: req.method ?? '', url, agent: req.headers['x-edict-agent-id'] as string | undefined, auth: req.headers.authorization, body });
        if (url.startsWith('/opa/discovery?')) return void res.writeHead(200, { 'content-type': 'application/gzip' }).end(discovery.tarball);
        if (url === '/opa/bundles/org/egress') {
          if (req.headers['if-none-match'] === `"${egress.digest}"`) {
            return void setTimeout(() => res.writeHead(304, { 'content-type': 'application/vnd.openpolicyagent.bundles' }).end(), 500);
          }
          return void res.writeHead(200, { etag: `"${egress.digest}"`, 'content-type': 'application/vnd.openpolicyagent.bundles' }).end(egress.tarball);
        }
        if (url.startsWith('/opa/status') || url === '/logs/opa/logs') return void res.writeHead(204).end();
        res.writeHead(404).end();
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const service = (path: string): Record<string, unknown> => ({ url: `http://127.0.0.1:${port}${path}`, headers: { 'X-Edict-Agent-Id': 'opa-disco-1' }, credentials: { bearer: { token: 'a-pdp-token' } } });
    const pem = (k: ReturnType<typeof keyPair>): string => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const config = {
      services: { edict: service('/opa'), 'edict-logs': service('/logs/opa') },
      keys: { distribution: { algorithm: 'ES256', key: pem(distribution) }, signing: { algorithm: 'ES256', key: pem(signing) } },
      discovery: { service: 'edict', resource: 'discovery?policies=org/egress', decision: 'discovery/config', signing: { keyid: 'distribution' } },
    };
    const file = join(dir, 'opa.json');
    writeFileSync(file, JSON.stringify(config));
    opaPort = await freePort();
    opa = spawn(opaPath, ['run', '--server', '--addr', `127.0.0.1:${opaPort}`, '--config-file', file, '--log-level', 'debug'], { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [opa.stdout, opa.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  }, 60_000);

  afterAll(async () => {
    if (opa && opa.exitCode === null) await new Promise<void>((resolve) => (opa?.once('close', () => resolve()), opa?.kill('SIGTERM')));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('configures a stock opa from Edict: it loads the policy bundle, reports status and logs its decisions to Edict', async () => {
    const answer = await until('opa answering with org/egress', async () => {
      const response = await fetch(`http://127.0.0.1:${opaPort}/v1/data/edict/org/egress/deny`, { method: 'POST', body: JSON.stringify({ input: { url: 'api.example.com' } }) }).catch(() => undefined);
      const result = ((await response?.json()) as { result?: unknown } | undefined)?.result;
      return Array.isArray(result) && result.length > 0 ? result : undefined;
    });
    expect(answer).toEqual(['example domain blocked']);
    expect(seen.find((r) => r.url.startsWith('/opa/discovery'))).toMatchObject({ method: 'GET', url: '/opa/discovery?policies=org/egress', agent: 'opa-disco-1', auth: 'Bearer a-pdp-token' });
    expect(seen.find((r) => r.url === '/opa/bundles/org/egress')).toMatchObject({ method: 'GET', agent: 'opa-disco-1', auth: 'Bearer a-pdp-token' });

    const status = await until('a status report with org/egress active', () => seen.map((r) => (r.url.startsWith('/opa/status') ? JSON.parse(r.body.toString('utf8')) as { bundles?: Record<string, { active_revision?: string }> } : undefined))
      .find((s) => s?.bundles?.['org/egress']?.active_revision === '1.0.0'));
    expect(status.bundles?.['org/egress']?.active_revision).toBe('1.0.0');

    const logged = await until('the decision in a decision-log upload', () => seen.filter((r) => r.url === '/logs/opa/logs')
      .flatMap((r) => JSON.parse(gunzipSync(r.body).toString('utf8')) as { path: string; input: { url?: string } }[])
      .find((e) => e.path === 'edict/org/egress/deny' && e.input.url === 'api.example.com'), 30_000);
    expect(logged).toMatchObject({ path: 'edict/org/egress/deny', result: ['example domain blocked'] });
  }, 90_000);

  it('refuses a discovery request without policy ids or with a bad one (OPA.DISCOVERY_POLICIES_INVALID)', () => {
    for (const query of [undefined, '', 'org/egress,Not A Policy']) expect(() => discoveryPolicies(query)).toThrow(expect.objectContaining({ code: 'OPA.DISCOVERY_POLICIES_INVALID' }));
    expect(discoveryPolicies('teams/alpha/egress, org/egress,org/egress')).toEqual(['org/egress', 'teams/alpha/egress']);
  });
});
