import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServingState } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';
import { eventually, repoRoot, spawnService, uniqueName, type ServiceProcess } from '@edict/testing';

/**
 * Allow-list lock files through the validation service (issue 12 §2): the service judges the
 * submitted text alone, so the lock travels embedded in it (as `edict bundle draft` embeds it).
 * A list that matches its lock validates; a drifted one fails the schema check naming what was
 * added and removed; an empty list not declared as meaning "nothing allowed" fails too.
 */
describe('validation: allow-list lock files', () => {
  const root = repoRoot();
  const logDir = mkdtempSync(join(tmpdir(), 'edict-locks-'));
  const lock = readFileSync(join(root, 'examples/bundles/org/egress-allowlist.domains.lock'), 'utf8');
  let fake: Server;
  let service: ServiceProcess;
  let token: string;

  const bundle = (domains: string[], uploads: string[] = [], meansNone = ['uploads']) => ({
    apiVersion: 'edict.io/v1',
    kind: 'PolicyBundle',
    metadata: { policyId: 'org/egress-allowlist', version: '1.0.0' },
    spec: { settings: { allowLists: { domains, uploads }, allowListLocks: { domains: { file: 'egress-allowlist.domains.lock', text: lock } }, allowListsEmptyMeansNone: meansNone } },
  });
  const dryRun = async (document: unknown) => {
    const response = await fetch(`${service.url}/v1/validations:dry-run`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ document }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { outcome: string; report: { checks: { name: string; status: string; findings: { code: string; message: string; path?: string }[] }[] } };
    return { outcome: body.outcome, schema: body.report.checks.find((c) => c.name === 'schema')! };
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    // distribution and decision-log stand-ins: no tier serves anything, no decisions recorded
    fake = createServer((request: IncomingMessage, response: ServerResponse) => {
      const id = decodeURIComponent((request.url ?? '').replace('/v1/serving/', '').split('?')[0] ?? '');
      const empty: ServingState = { policyId: id, stable: null, canary: null, pinned: null, killSwitch: null, revision: -1 };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(empty));
    });
    fake.listen(0, '127.0.0.1');
    await once(fake, 'listening');
    const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    const schema = uniqueName('locks').replace(/-/g, '_');
    const env = { ...process.env, EDICT_TOPIC_PREFIX: `${uniqueName('locks')}.`, EDICT_DB_SCHEMA: schema, EDICT_DISTRIBUTION_URL: url, EDICT_DECISION_LOG_URL: url };
    service = spawnService(root, 'validation', 20000 + Math.floor(Math.random() * 20000), env, logDir);
    await eventually('validation to be ready', async () => ((await fetch(`${service.url}/readyz`).catch(() => undefined))?.ok ? true : undefined));
    token = await mintDevToken({ subject: 'alice', roles: ['author'], ttlSeconds: 600 });
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    fake?.closeAllConnections();
    fake?.close();
  }, 60_000);

  it('given an allow-list that matches its embedded lock, then the version validates', async () => {
    const { outcome, schema } = await dryRun(bundle(['github.com', 'pypi.org']));
    expect(schema).toMatchObject({ status: 'pass', findings: [] });
    expect(outcome).toBe('validated');
  }, 30_000);

  it('given a drifted allow-list, then the schema check fails with the exact drift', async () => {
    const { outcome, schema } = await dryRun(bundle(['pypi.org', 'evil.example.com']));
    expect(outcome).toBe('failed');
    expect(schema.findings).toEqual([expect.objectContaining({ code: 'POLICY.ALLOWLIST_LOCK_DRIFT', path: 'spec.settings.allowLists.domains' })]);
    expect(schema.findings[0]!.message).toContain("added 'evil.example.com' (not in the lock); removed 'github.com' (in the lock, not in the list)");
  }, 30_000);

  it('given an empty allow-list the bundle does not declare as meaning nothing, then it fails', async () => {
    const { outcome, schema } = await dryRun(bundle(['pypi.org', 'github.com'], [], []));
    expect(outcome).toBe('failed');
    expect(schema.findings.map((f) => [f.code, f.path])).toEqual([['POLICY.ALLOWLIST_EMPTY', 'spec.settings.allowLists.uploads']]);
  }, 30_000);
});
