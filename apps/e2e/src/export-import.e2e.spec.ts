import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateKeyPair } from 'jose';
import { BaseTopics } from '@edict/contracts';
import { signExportEnvelope, type ExportEnvelope } from '@edict/signing-domain';
import { eventually, people, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { edictCli } from './edict-cli';
import { TopicRecorder } from './topic-recorder';

const run = promisify(execFile);

/**
 * The export/import runbook through the real services: a shipped version is exported with the
 * CLI (an envelope signed by signing's active key), imported with the CLI under a new version,
 * drafted with its provenance, and must then be validated and approved again. Every refusal
 * answers its own code and stores nothing.
 */
describe('moving a version between environments (export / import)', () => {
  const root = repoRoot();
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
  const work = mkdtempSync(join(tmpdir(), 'edict-export-e2e-'));
  const prefix = `${uniqueName('xfer')}.`;
  const recorder = new TopicRecorder();
  const policy = 'org/baseline';
  const line = `/v1/bundles/${encodeURIComponent(policy)}`;
  const at = (version: string): string => `${line}/versions/${encodeURIComponent(version)}`;
  let stack: Stack;
  let client: StackClient;
  let envelope: ExportEnvelope;

  const edict = edictCli(() => stack.env);
  const erin = () => client.as('erin', ['author', 'security']);
  const importing = (body: unknown) => erin().call<{ code?: string; version?: string }>('authoring', 'POST', '/v1/bundles:import', body);

  beforeAll(async () => {
    await run(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root });
    stack = await startStack({
      kafkaBrokers: brokers,
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('xfer').replace(/-/g, '_'),
      logDir: join(work, 'logs'),
      env: { EDICT_TOPIC_PREFIX: prefix, EDICT_ENVIRONMENT: 'staging', EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'), LOG_LEVEL: 'warn' },
    });
    client = new StackClient(stack.env);
    await recorder.start(brokers, uniqueName('xfer-recorder'), [`${prefix}${BaseTopics.bundles}`]);
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
  }, 300_000);

  afterAll(async () => {
    await recorder.stop();
    await stack?.stop();
  }, 60_000);

  it('exports a signed version with the CLI: document, digest, signature, approvals, source environment, expiry', async () => {
    const file = join(work, 'baseline-1.0.0.json');
    const out = await edict(['bundle', 'export', policy, '1.0.0', '-o', file], ['platform'], 'carol');
    expect(out).toMatchObject({ code: 0 });
    envelope = JSON.parse(readFileSync(file, 'utf8')) as ExportEnvelope;
    const shipped = await client.as('carol', ['platform']).call<{ digest: string }>('authoring', 'GET', at('1.0.0'));
    expect(envelope).toMatchObject({ format: 'edict.bundle-export/v1', environment: 'staging', policyId: policy, version: '1.0.0', digest: shipped.body.digest });
    expect(envelope.approvals.map((a) => [a.subject, a.role])).toEqual([['bob', 'security'], ['carol', 'platform']]);
    expect(Date.parse(envelope.expiresAt) - Date.parse(envelope.exportedAt)).toBe(24 * 3600 * 1000);
    expect(envelope.envelopeSignature).toMatch(/^[\w-]+\.\.[\w-]+$/);

    const notSigned = await client.as('carol', ['platform']).call<{ code: string }>('signing', 'POST', '/v1/exports', { policyId: policy, version: '9.9.9' });
    expect(notSigned.status).toBe(404);
    const author = await client.as('alice', ['author']).call<{ code: string }>('signing', 'POST', '/v1/exports', { policyId: policy, version: '1.0.0' });
    expect([author.status, author.body.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
  });

  it('refuses tampered, expired, unknown-key, existing, malformed and oversized envelopes, storing nothing', async () => {
    const before = await erin().call('authoring', 'GET', line);
    const refused = async (body: unknown): Promise<[number, string | undefined]> => {
      const answer = await importing(body);
      return [answer.status, answer.body.code];
    };

    const rules = (envelope.document['spec'] as { rules: { reason?: string }[] }).rules;
    const tampered = { ...envelope, document: { ...envelope.document, spec: { ...(envelope.document['spec'] as object), rules: [{ ...rules[0], reason: `${rules[0]?.reason ?? ''}!` }, ...rules.slice(1)] } } };
    expect(await refused({ envelope: tampered, asVersion: '1.1.0' })).toEqual([400, 'IMPORT.TAMPERED']);

    const fresh = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const { envelopeSignature: _dropped, ...body } = envelope;
    const foreign = await signExportEnvelope(body, { kid: 'a-key-nobody-trusts', alg: 'EdDSA', privateKey: fresh.privateKey });
    expect(await refused({ envelope: foreign, asVersion: '1.1.0' })).toEqual([400, 'IMPORT.UNKNOWN_KEY']);

    expect(await refused({ envelope })).toEqual([409, 'IMPORT.VERSION_EXISTS']);
    expect(await refused({ envelope, asVersion: '3.0.0' })).toEqual([409, 'BUNDLE.VERSION_NOT_NEXT']);
    expect(await refused({ envelope: { format: 'edict.bundle-export/v1', policyId: policy } })).toEqual([400, 'IMPORT.ENVELOPE_INVALID']);
    expect(await refused({ envelope: 'not an envelope' })).toEqual([400, 'IMPORT.ENVELOPE_INVALID']);
    expect(await refused({ asVersion: '1.1.0' })).toEqual([400, 'IMPORT.ENVELOPE_INVALID']);
    const oversized = JSON.stringify({ ...envelope, document: { ...envelope.document, padding: 'x'.repeat(1024 * 1024) } });
    expect((await refused({ envelope: oversized, asVersion: '1.1.0' }))[0]).toBe(413);

    const shortLived = await client.as('carol', ['platform']).call<ExportEnvelope>('signing', 'POST', '/v1/exports', { policyId: policy, version: '1.0.0', ttlSeconds: 1 });
    expect(shortLived.status).toBe(200);
    await eventually('the envelope to expire', () => Promise.resolve(Date.now() > Date.parse(shortLived.body.expiresAt) ? true : undefined));
    expect(await refused({ envelope: shortLived.body, asVersion: '1.1.0' })).toEqual([400, 'IMPORT.EXPIRED']);

    expect((await erin().call('authoring', 'GET', line)).body).toEqual(before.body);
  });

  it('imports with --as-version: drafted with provenance, then validated and approved again like any draft', async () => {
    const file = join(work, 'baseline-1.0.0.json');
    const out = await edict(['bundle', 'import', file, '--as-version', '1.1.0'], ['author', 'security'], 'erin');
    expect(out).toMatchObject({ code: 0 });
    const imported = JSON.parse(out.stdout) as { version: string; digest: string; status: string; importedFrom: Record<string, unknown> };
    expect(imported).toMatchObject({ version: '1.1.0', status: 'draft', importedFrom: { environment: 'staging', version: '1.0.0', digest: envelope.digest } });
    expect(imported.digest).not.toBe(envelope.digest);
    expect(imported.importedFrom['approvals']).toEqual(envelope.approvals);

    const view = await erin().call<{ status: string; author: string; document: { metadata: { version: string } } }>('authoring', 'GET', at('1.1.0'));
    expect(view.body).toMatchObject({ status: 'draft', author: 'erin', document: { metadata: { version: '1.1.0' } } });
    const drafted = await eventually('BundleDrafted of 1.1.0 on the bundles topic', () =>
      Promise.resolve(recorder.ofType('io.edict.bundle.drafted.v1').find((e) => (e.event.data as { version?: string }).version === '1.1.0')),
    );
    expect(drafted.event.data).toMatchObject({ author: 'erin', importedFrom: { environment: 'staging', version: '1.0.0', digest: envelope.digest } });

    const bob = client.as(people.bob.subject, [...people.bob.roles]);
    const carol = client.as(people.carol.subject, [...people.carol.roles]);
    const early = await bob.call<{ code: string }>('authoring', 'POST', `${at('1.1.0')}/approve`, {});
    expect([early.status, early.body.code]).toEqual([409, 'BUNDLE.NOT_AWAITING_APPROVAL']);
    expect((await erin().call('authoring', 'POST', `${at('1.1.0')}/submit`, {})).status).toBe(200);
    const verdict = await eventually('validation of 1.1.0', async () => {
      const answer = await erin().call<{ outcome: string }>('validation', 'GET', `/v1/validations/${encodeURIComponent(policy)}/versions/1.1.0`);
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(verdict.outcome).toBe('validated');
    expect((await bob.call<{ status: string }>('authoring', 'POST', `${at('1.1.0')}/approve`, {})).body.status).toBe('submitted');
    expect((await carol.call<{ status: string }>('authoring', 'POST', `${at('1.1.0')}/approve`, {})).body.status).toBe('approved');
    const signature = await eventually('the signature of 1.1.0', async () => {
      const answer = await carol.call<{ digest: string }>('signing', 'GET', `/v1/signatures/${encodeURIComponent(policy)}/versions/1.1.0`);
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(signature.digest).toBe(imported.digest);
  });
});
