import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { bundleSigningPayload, servingManifestPayload, type DecisionLogged, type ServingManifest } from '@edict/contracts';
import { canonicalDigest, signDetached } from '@edict/core';
import { mintDevToken } from '@edict/service-kit/edge';
import { startPdpRuntime, type PdpRuntime } from '../runtime/pdp-runtime';

const document = {
  apiVersion: 'edict.io/v1',
  kind: 'PolicyBundle',
  metadata: { policyId: 'org/storage', version: '1.0.0' },
  spec: {
    defaultEffect: 'deny',
    rules: [
      { id: 'deny-prod', priority: 20, match: { resource: 'prod-*' }, effect: 'deny', reason: 'not in prod' },
      { id: 'deny-unencrypted', priority: 10, match: { action: 'bucket.create' }, when: 'context.encrypted != true', effect: 'deny', reason: 'encrypt buckets' },
      { id: 'allow-buckets', match: { action: 'bucket.create' }, effect: 'allow', reason: 'buckets are fine' },
    ],
  },
};

/**
 * `POST /v1/decisions?explain=full` on a running PDP (real Kafka for the decision log): the
 * lean runtime answers it on the same handler, the answer carries the explanation with the resource masked as
 * EDICT_DECISION_MASK_PATHS says, the decision is logged as usual, and without `explain` the
 * answer has no explanation. The policy is loaded from a signed state (keys from a stub JWKS).
 */
describe('the PDP explains a decision on request', () => {
  let app: PdpRuntime;
  let jwks: Server;
  let base: string;
  let token: string;
  const logged: DecisionLogged['data'][] = [];

  beforeAll(async () => {
    const signing = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(signing.publicKey)), kid: 'k1', alg: 'ES256' };
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const dir = mkdtempSync(join(tmpdir(), 'pdp-explain-'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
    process.env['EDICT_DISTRIBUTION_URL'] = 'http://127.0.0.1:9';
    process.env['EDICT_JWKS_SIGNING_URL'] = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    process.env['EDICT_PDP_MANIFEST_JWKS_FILE'] = join(dir, 'jwks.json');
    process.env['EDICT_DECISION_MASK_PATHS'] = 'resource';
    process.env['EDICT_PDP_NAME'] = `pdp-explain-int-${process.pid}`;
    app = await startPdpRuntime({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${app.port}`;
    token = await mintDevToken({ subject: 'svc-web', roles: ['platform'] });
    const digest = canonicalDigest(document);
    const stable = { version: '1.0.0', digest, document, kid: 'k1', signature: await signDetached(bundleSigningPayload({ policyId: 'org/storage', version: '1.0.0', digest }), { kid: 'k1', alg: 'ES256', privateKey: signing.privateKey }) };
    const manifest: ServingManifest = { policyId: 'org/storage', revision: 1, stable: { version: '1.0.0', digest }, canary: null, pinned: null, killSwitch: null };
    const signed = { manifest, kid: 'k1', signature: await signDetached(servingManifestPayload(manifest), { kid: 'k1', alg: 'ES256', privateKey: signing.privateKey }) };
    await app.components.pdp.load({ policyId: 'org/storage', revision: 1, stable, canary: null, pinned: null, killSwitch: null, manifest: signed });
    const buffer = app.components.log;
    const add = buffer.add.bind(buffer);
    buffer.add = (decision) => {
      logged.push(decision);
      add(decision);
    };
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await new Promise<void>((resolve) => (jwks ? jwks.close(() => resolve()) : resolve()));
  }, 30_000);

  const decide = async (query: string, resource: string): Promise<{ status: number; json: Record<string, unknown> }> => {
    const body = { policyId: 'org/storage', subject: 'ci', request: { agent: 'terraform', action: 'bucket.create', resource, context: { encrypted: false } } };
    const response = await fetch(`${base}/v1/decisions${query}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('answers ?explain=full with every rule considered, the resource masked in the trace, and logs the decision', async () => {
    const { status, json } = await decide('?explain=full', 'customer-ada-bucket');
    expect(status).toBe(200);
    expect(json['result']).toMatchObject({ effect: 'deny', rule: 'deny-unencrypted' });
    expect(json['request']).toMatchObject({ resource: '***' });
    const explanation = json['explanation'] as { tiers: { rules: Record<string, unknown>[] }[]; versions: string[]; canary: boolean; exception: unknown };
    expect(explanation).toMatchObject({ versions: ['org/storage@1.0.0'], canary: false, exception: null, cohort: expect.any(Number), evaluationNs: expect.any(Number) });
    expect(explanation.tiers[0]!.rules).toEqual([
      expect.objectContaining({ id: 'deny-prod', outcome: 'no-match', field: 'resource', value: '***' }),
      expect.objectContaining({ id: 'deny-unencrypted', outcome: 'matched', when: 'context.encrypted != true' }),
      expect.objectContaining({ id: 'allow-buckets', outcome: 'not-reached' }),
    ]);
    expect(JSON.stringify(json)).not.toContain('customer-ada');
    expect(logged.map((d) => d.decisionId)).toContain(json['decisionId']);
    expect(logged.find((d) => d.decisionId === json['decisionId'])?.request.resource).toBe('***');
  });

  it('answers without explain as before (the fast path, no explanation), and refuses another explain value', async () => {
    const plain = await decide('', 'prod-1');
    expect(plain.status).toBe(200);
    expect(plain.json['result']).toMatchObject({ effect: 'deny', rule: 'deny-prod' });
    expect(plain.json['explanation']).toBeUndefined();
    const wrong = await decide('?explain=verbose', 'prod-1');
    expect(wrong.status).toBe(400);
    expect(wrong.json['code']).toBe('PDP.EXPLAIN_INVALID');
  });
});
