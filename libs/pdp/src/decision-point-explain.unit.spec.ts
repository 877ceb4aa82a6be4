import { exportJWK, generateKeyPair } from 'jose';
import { bundleSigningPayload, cohortOf, servingManifestPayload, type ServingManifest } from '@edict/contracts';
import { canonicalDigest, signDetached } from '@edict/core';
import { DecisionPoint } from './decision-point';
import { HeldExceptions } from './held-exceptions';

const bundle = (version: string, reason: string) => ({
  apiVersion: 'edict.io/v1',
  kind: 'PolicyBundle',
  metadata: { policyId: 'org/storage', version },
  spec: {
    defaultEffect: 'deny',
    rules: [
      { id: 'deny-deletes', priority: 20, match: { action: 'bucket.delete' }, effect: 'deny', reason: 'no deletes' },
      { id: 'deny-unencrypted', priority: 10, match: { action: 'bucket.create' }, when: 'context.encrypted != true', effect: 'deny', reason: 'encrypt buckets' },
      { id: 'allow-buckets', match: { action: 'bucket.create' }, effect: 'allow', reason },
    ],
  },
});

async function setup(canaryPercentage: number, killSwitch: ServingManifest['killSwitch'] = null) {
  const signing = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(signing.publicKey);
  const clock = { now: () => new Date('2026-12-01T10:00:00.000Z') };
  const exceptions = new HeldExceptions();
  let n = 0;
  const pdp = new DecisionPoint({ name: 't', clock, ids: { next: () => `d${++n}` }, keys: () => Promise.resolve(jwk), manifestKeys: () => Promise.resolve(jwk), exceptions });
  const served = async (version: string) => {
    const document = bundle(version, `buckets are fine in ${version}`);
    const digest = canonicalDigest(document);
    return { version, digest, document, kid: 'k1', signature: await signDetached(bundleSigningPayload({ policyId: 'org/storage', version, digest }), { kid: 'k1', alg: 'ES256', privateKey: signing.privateKey }) };
  };
  const stable = await served('1.0.0');
  const canary = { ...(await served('1.1.0')), percentage: canaryPercentage };
  const manifest: ServingManifest = { policyId: 'org/storage', revision: 1, stable: { version: '1.0.0', digest: stable.digest }, canary: { version: '1.1.0', digest: canary.digest, percentage: canaryPercentage }, pinned: null, killSwitch };
  const signed = { manifest, kid: 'k1', signature: await signDetached(servingManifestPayload(manifest), { kid: 'k1', alg: 'ES256', privateKey: signing.privateKey }) };
  await pdp.load({ policyId: 'org/storage', revision: 1, stable, canary, pinned: null, killSwitch, manifest: signed });
  return { pdp, exceptions };
}

const ask = (subject: string, action = 'bucket.create', resource = 'legacy-archive') => ({ policyId: 'org/storage', subject, request: { agent: 'terraform', action, resource, context: { encrypted: false } } });

describe('DecisionPoint.explain', () => {
  it('given a stable version, when explained, then it decides as decide does and says why each rule matched or not', async () => {
    const { pdp } = await setup(0);
    const { decision, explanation } = pdp.explain(ask('ci'));
    const { decisionId: _a, ...plain } = pdp.decide(ask('ci'));
    const { decisionId: _b, ...explained } = decision;
    expect({ ...explained, evaluationNs: 0 }).toEqual({ ...plain, evaluationNs: 0 });
    expect(decision.result).toMatchObject({ effect: 'deny', rule: 'deny-unencrypted' });
    expect(explanation).toMatchObject({ versions: ['org/storage@1.0.0'], cohort: cohortOf('org/storage', 'ci'), canary: false, exception: null });
    expect(explanation.tiers[0]!.rules.map((r) => [r.id, r.outcome])).toEqual([['deny-deletes', 'no-match'], ['deny-unencrypted', 'matched'], ['allow-buckets', 'not-reached']]);
    expect(explanation.tiers[0]!.rules[0]).toMatchObject({ field: 'action', pattern: 'bucket.delete', value: 'bucket.create' });
    expect(explanation.tiers[0]).toMatchObject({ policyId: 'org/storage', version: '1.0.0', canary: false, cohort: cohortOf('org/storage', 'ci') });
  });

  it('given a canary at 100 %, when explained, then the canary version is the one traced and flagged', async () => {
    const { pdp } = await setup(100);
    const { decision, explanation } = pdp.explain(ask('ci'));
    expect(decision.bundles).toEqual([{ policyId: 'org/storage', version: '1.1.0', cohort: cohortOf('org/storage', 'ci'), canary: true }]);
    expect(explanation).toMatchObject({ versions: ['org/storage@1.1.0'], canary: true });
  });

  it('given an exception in force, when explained, then the waived rule says which exception and the decision cites it', async () => {
    const { pdp, exceptions } = await setup(0);
    exceptions.put({ exceptionId: 'EXC-007', policyId: 'org/storage', ruleId: 'deny-unencrypted', resource: 'legacy-*', expiresAt: '2026-12-02T00:00:00.000Z' });
    const { decision, explanation } = pdp.explain(ask('ci'));
    expect(decision.result).toMatchObject({ effect: 'allow', rule: 'allow-buckets', exception: 'EXC-007' });
    expect(explanation.exception).toBe('EXC-007');
    expect(explanation.tiers[0]!.rules.map((r) => r.outcome)).toEqual(['no-match', 'waived', 'matched']);
  });

  it('given the kill switch on, when explained, then no rule is traced and the switch is named', async () => {
    const { pdp } = await setup(0, { mode: 'fail-open', reason: 'incident' });
    const { decision, explanation } = pdp.explain(ask('ci'));
    expect(decision.result).toMatchObject({ effect: 'allow', rule: null });
    expect(explanation).toMatchObject({ tiers: [], killSwitch: { policyId: 'org/storage', mode: 'fail-open', reason: 'incident' } });
  });

  it('given no loaded version, when explained, then the answer is the no-bundle deny with an empty trace', async () => {
    const { pdp } = await setup(0);
    const { decision, explanation } = pdp.explain({ ...ask('ci'), policyId: 'org/other' });
    expect(decision.result.error?.code).toBe('PDP.NO_ACTIVE_BUNDLE');
    expect(explanation).toMatchObject({ tiers: [], versions: [], evaluationNs: 0 });
  });
});
