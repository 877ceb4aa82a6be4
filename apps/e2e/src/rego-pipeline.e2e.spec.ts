import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { BundleSigned, ValidationReport } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';
import { eventually, people, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { StockOpa } from './rego/stock-opa';

const OPA_MEDIA_TYPE = 'application/vnd.openpolicyagent.bundles';
const path = (policyId: string, version: string): string => `${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;

/**
 * Issue 6 §2/§3: the seed runbook's egress rule as a Rego bundle, through every service as its own
 * process and into a STOCK opa. The failing variant is rejected by the validation service and its
 * approval refused; the passing one is signed with an OPA form (ES256, the active key's kid),
 * distribution serves the tarball it verified, and `opa run --verification-key` with signing's PEM
 * loads it and answers; the same tarball with one byte changed is refused by opa; retiring the key
 * stops distribution serving it.
 */
describe('a Rego version from submission to a stock opa', () => {
  const root = repoRoot();
  const dir = mkdtempSync(join(tmpdir(), 'edict-rego-pipeline-'));
  const opa = new StockOpa(process.env['OPA_PATH'] ?? '');
  let stack: Stack;
  let client: StackClient;
  let signed: BundleSigned['data'];
  const alice = (): ReturnType<StackClient['as']> => client.as(people.alice.subject, [...people.alice.roles]);

  /** The OPA bundle from distribution as an OPA agent fetches it (pdp role), raw. */
  const download = async (policyId: string, version: string, headers: Record<string, string> = {}): Promise<Response> => {
    const token = await mintDevToken({ subject: 'opa-agent-1', roles: ['pdp'], ttlSeconds: 600 });
    return fetch(`${client.url('distribution')}/v1/releases/${path(policyId, version)}/opa-bundle`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  };

  beforeAll(async () => {
    if (!process.env['OPA_PATH']) throw new Error('OPA_PATH is not set (the e2e tier provides it)');
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('regopipe').replace(/-/g, '_'),
      logDir: join(dir, 'logs'),
      env: { EDICT_TOPIC_PREFIX: `${uniqueName('regopipe')}.`, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'), EDICT_REGO_MIN_COVERAGE: 'org=90', LOG_LEVEL: 'warn' },
    });
    client = new StackClient(stack.env);
  }, 300_000);

  afterAll(async () => {
    await opa.stop();
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('ships the passing egress bundle (opa checks passing, full coverage against a 90 % minimum), signed with an OPA form by the active ES256 key', async () => {
    const { policyId, version } = await shipBundle(client, join(root, 'examples/bundles/org/egress.rego.yaml'));
    expect([policyId, version]).toEqual(['org/egress', '1.0.0']);
    const verdict = await alice().call<{ outcome: string; report: ValidationReport }>('validation', 'GET', `/v1/validations/${path(policyId, version)}`);
    expect(verdict.body.report.checks.filter((c) => c.name.startsWith('rego-')).map((c) => [c.name, c.status])).toEqual([['rego-check', 'pass'], ['rego-test', 'pass'], ['rego-fmt', 'pass']]);
    expect(verdict.body.report.coverage?.rego).toEqual({ percentage: 100, minimum: 90, uncovered: {} });
    const signature = await alice().call<BundleSigned['data']>('signing', 'GET', `/v1/signatures/${path(policyId, version)}`);
    expect(signature.status).toBe(200);
    signed = signature.body;
    expect(signed.alg).toBe('ES256');
    expect(signed.opaSkipped).toBeUndefined();
    expect(signed.opa).toEqual({ digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), signatures: expect.stringMatching(/^\{"signatures":\["/), kid: signed.kid, alg: 'ES256' });
  });

  it('rejects the failing variant in the validation service, naming the failing test, and refuses its approval', async () => {
    const file = join(root, 'examples/bundles/org/egress.rego.failing.yaml');
    const drafted = await alice().call<{ policyId: string; version: string }>('authoring', 'POST', '/v1/bundles', { source: readFileSync(file, 'utf8'), filename: file });
    expect(drafted.status).toBe(201);
    const { policyId, version } = drafted.body;
    expect((await alice().call('authoring', 'POST', `/v1/bundles/${path(policyId, version)}/submit`, {})).status).toBe(200);
    const verdict = await eventually(`the verdict on ${policyId}@${version}`, async () => {
      const answer = await alice().call<{ outcome: string; report: ValidationReport }>('validation', 'GET', `/v1/validations/${path(policyId, version)}`);
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(verdict.outcome).toBe('failed');
    const regoTest = verdict.report.checks.find((check) => check.name === 'rego-test');
    expect(regoTest?.status).toBe('fail');
    expect(regoTest?.findings).toEqual([expect.objectContaining({ code: 'REGO.TEST_FAILED', message: 'test data.edict.org.egress.tests.test_denies_pypi failed', file: 'policy_test.rego', line: 14 })]);
    const bob = client.as(people.bob.subject, [...people.bob.roles]);
    const approval = await bob.call<{ code: string }>('authoring', 'POST', `/v1/bundles/${path(policyId, version)}/approve`, {});
    expect(approval.status).toBe(409);
    expect(approval.body.code).toBe('BUNDLE.VALIDATION_FAILED');
    const unreleased = await download(policyId, version);
    expect(unreleased.status).toBe(404);
    expect(((await unreleased.json()) as { code: string }).code).toBe('DISTRIBUTION.RELEASE_NOT_FOUND');
  });

  it('serves the verified tarball (ETag = the signed digest, 304 when unchanged) that a stock opa loads with signing\'s PEM and evaluates', async () => {
    const opaForm = signed.opa;
    if (!opaForm) throw new Error('the first test records the OPA form');
    const answer = await download('org/egress', '1.0.0');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(OPA_MEDIA_TYPE);
    expect(answer.headers.get('etag')).toBe(`"${opaForm.digest}"`);
    const tarball = Buffer.from(await answer.arrayBuffer());
    expect(`sha256:${createHash('sha256').update(tarball).digest('hex')}`).toBe(opaForm.digest);
    expect((await download('org/egress', '1.0.0', { 'if-none-match': `"${opaForm.digest}"` })).status).toBe(304);

    const pem = await fetch(`${client.url('signing')}/v1/keys/${opaForm.kid}.pem`); // public, like the JWKS
    expect(pem.status).toBe(200);
    const pemText = await pem.text();
    expect(pemText).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    writeFileSync(join(dir, 'signing.pem'), pemText);
    writeFileSync(join(dir, 'egress.tar.gz'), tarball);

    const served = await opa.run(join(dir, 'egress.tar.gz'), { pem: join(dir, 'signing.pem'), kid: opaForm.kid });
    if (!served.ready) throw new Error(`opa refused the bundle (exit ${String(served.code)}): ${served.output}`);
    expect(await StockOpa.query(served.port, 'edict/org/egress/deny', { url: 'api.example.com' })).toEqual(['example domain blocked']);
    expect(await StockOpa.query(served.port, 'edict/org/egress/deny', { url: 'pypi.org' })).toEqual([]);
  });

  it('is refused by stock opa with one byte of a module changed', () => {
    const tar = gunzipSync(readFileSync(join(dir, 'egress.tar.gz')));
    const at = tar.indexOf('api.example.com'); // first in edict/org/egress/policy.rego (.signatures.json is base64url)
    expect(at).toBeGreaterThan(0);
    tar[at + 'api.example.'.length] = 'n'.charCodeAt(0); // api.example.nom
    writeFileSync(join(dir, 'tampered.tar.gz'), gzipSync(tar));
    return opa.run(join(dir, 'tampered.tar.gz'), { pem: join(dir, 'signing.pem'), kid: signed.kid }).then((outcome) => {
      expect(outcome).toMatchObject({ ready: false, code: 1 });
      expect(outcome.ready === false && outcome.output).toMatch(/edict\/org\/egress\/policy\.rego: digest mismatch/);
    });
  });

  it('answers 404 with a stable code for a released version without Rego, and for an unknown key PEM', async () => {
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    const celOnly = await download('org/baseline', '1.0.0');
    expect(celOnly.status).toBe(404);
    expect(((await celOnly.json()) as { code: string }).code).toBe('DISTRIBUTION.OPA_BUNDLE_NOT_FOUND');
    const unknownKey = await fetch(`${client.url('signing')}/v1/keys/no-such-key.pem`);
    expect(unknownKey.status).toBe(404);
    expect(((await unknownKey.json()) as { code: string }).code).toBe('KEYRING.KEY_NOT_FOUND');
  });

  it('stops serving the OPA form once its key is retired (and the PEM of that key)', async () => {
    const admin = client.as('root', ['admin']);
    const rotated = await admin.call<{ kid: string }>('signing', 'POST', '/v1/keys:rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.body.kid).not.toBe(signed.kid);
    expect((await admin.call('signing', 'POST', `/v1/keys/${signed.kid}:retire`)).status).toBe(200);
    const refused = await download('org/egress', '1.0.0');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('DISTRIBUTION.KEY_RETIRED');
    expect((await fetch(`${client.url('signing')}/v1/keys/${signed.kid}.pem`)).status).toBe(404);
    expect((await fetch(`${client.url('signing')}/v1/keys/${rotated.body.kid}.pem`)).status).toBe(200);
  });
});
