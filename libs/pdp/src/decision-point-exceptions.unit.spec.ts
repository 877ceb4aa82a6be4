import { exportJWK, generateKeyPair } from 'jose';
import { bundleSigningPayload, servingManifestPayload, type ActiveException, type ServingManifest } from '@edict/contracts';
import { canonicalDigest, signDetached } from '@edict/core';
import { DecisionPoint } from './decision-point';
import { HeldExceptions } from './held-exceptions';

const document = {
  apiVersion: 'edict.io/v1',
  kind: 'PolicyBundle',
  metadata: { policyId: 'org/storage', version: '1.0.0' },
  spec: {
    defaultEffect: 'deny',
    rules: [
      { id: 'deny-unencrypted', priority: 10, match: { action: 'bucket.create' }, when: 'context.encrypted != true', effect: 'deny', reason: 'encrypt buckets' },
      { id: 'allow-buckets', match: { action: 'bucket.create' }, effect: 'allow', reason: 'buckets are fine' },
    ],
  },
};
const EXC: ActiveException = { exceptionId: 'EXC-001', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'legacy-*', expiresAt: '2026-12-01T10:00:05.000Z' };

async function setup() {
  const signing = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(signing.publicKey);
  const clock = { at: new Date('2026-12-01T10:00:00.000Z'), now(): Date { return this.at; } };
  const exceptions = new HeldExceptions();
  const pdp = new DecisionPoint({ name: 't', clock, ids: { next: () => 'd' }, keys: () => Promise.resolve(jwk), manifestKeys: () => Promise.resolve(jwk), exceptions });
  const digest = canonicalDigest(document);
  const stable = { version: '1.0.0', digest, document, kid: 'k1', signature: await signDetached(bundleSigningPayload({ policyId: 'org/storage', version: '1.0.0', digest }), { kid: 'k1', alg: 'ES256', privateKey: signing.privateKey }) };
  const manifest: ServingManifest = { policyId: 'org/storage', revision: 1, stable: { version: '1.0.0', digest }, canary: null, pinned: null, killSwitch: null };
  const signed = { manifest, kid: 'k1', signature: await signDetached(servingManifestPayload(manifest), { kid: 'k1', alg: 'ES256', privateKey: signing.privateKey }) };
  await pdp.load({ policyId: 'org/storage', revision: 1, stable, canary: null, pinned: null, killSwitch: null, manifest: signed });
  const ask = (resource: string, subject = 'ci') => pdp.decide({ policyId: 'org/storage', subject, request: { agent: 'terraform', action: 'bucket.create', resource, context: { encrypted: false } } });
  return { clock, exceptions, ask };
}

describe('DecisionPoint with exceptions (injected clock)', () => {
  it('allows the excepted resource citing the exception, denies others, and stops at the expiry without any event', async () => {
    const { clock, exceptions, ask } = await setup();
    expect(ask('legacy-archive').result).toMatchObject({ effect: 'deny', rule: 'deny-unencrypted' });
    exceptions.put(EXC);
    expect(ask('legacy-archive').result).toEqual({ effect: 'allow', rule: 'allow-buckets', tier: 'org', reason: 'buckets are fine', noMatch: false, exception: 'EXC-001' });
    expect(ask('payments').result).toMatchObject({ effect: 'deny', rule: 'deny-unencrypted' });
    expect(ask('payments').result.exception).toBeUndefined();
    clock.at = new Date('2026-12-01T10:00:04.999Z');
    expect(ask('legacy-archive').result).toMatchObject({ effect: 'allow', exception: 'EXC-001' });
    clock.at = new Date('2026-12-01T10:00:05.000Z');
    expect(ask('legacy-archive').result).toMatchObject({ effect: 'deny', rule: 'deny-unencrypted' });
    expect(ask('legacy-archive').result.exception).toBeUndefined();
  });

  it('applies an exception naming a subject only to that subject, and none once removed', async () => {
    const { exceptions, ask } = await setup();
    exceptions.replace([{ ...EXC, subject: 'ci' }]);
    expect(ask('legacy-a', 'ci').result).toMatchObject({ effect: 'allow', exception: 'EXC-001' });
    expect(ask('legacy-a', 'someone-else').result).toMatchObject({ effect: 'deny' });
    exceptions.remove('EXC-001');
    expect(ask('legacy-a', 'ci').result).toMatchObject({ effect: 'deny' });
  });
});
