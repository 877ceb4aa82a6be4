import { exportJWK, generateKeyPair } from 'jose';
import { bundleSigningPayload, cohortOf, servingManifestPayload, type DecisionLogged, type ServingManifest } from '@edict/contracts';
import { canonicalDigest, fixedClock, signDetached } from '@edict/core';
import { DecisionPoint } from './decision-point';
import { HeldExceptions } from './held-exceptions';

const document = {
  apiVersion: 'edict.io/v1', kind: 'PolicyBundle', metadata: { policyId: 'org/storage', version: '1.0.0' },
  spec: { defaultEffect: 'deny', rules: [{ id: 'no-deletes', match: { action: 'delete' }, effect: 'deny', reason: 'keep data' }, { id: 'reads', match: { action: 'read' }, effect: 'allow', reason: 'fine' }] },
};

async function setup(killSwitch: ServingManifest['killSwitch'] = null) {
  const signing = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(signing.publicKey);
  const exceptions = new HeldExceptions();
  const pdp = new DecisionPoint({ name: 'pdp-r', clock: fixedClock('2026-12-01T10:00:00.000Z'), ids: { next: () => 'd-1' }, keys: () => Promise.resolve(jwk), manifestKeys: () => Promise.resolve(jwk), exceptions });
  const digest = canonicalDigest(document);
  const stable = { version: '1.0.0', digest, document, kid: 'k1', signature: await signDetached(bundleSigningPayload({ policyId: 'org/storage', version: '1.0.0', digest }), { kid: 'k1', alg: 'ES256', privateKey: signing.privateKey }) };
  const manifest: ServingManifest = { policyId: 'org/storage', revision: 1, stable: { version: '1.0.0', digest }, canary: null, pinned: null, killSwitch };
  const signed = { manifest, kid: 'k1', signature: await signDetached(servingManifestPayload(manifest), { kid: 'k1', alg: 'ES256', privateKey: signing.privateKey }) };
  await pdp.load({ policyId: 'org/storage', revision: 1, stable, canary: null, pinned: null, killSwitch, manifest: signed });
  return { pdp, exceptions };
}

const request = (action: string, agent = 'svc') => ({ agent, action, resource: 'b/1', context: { n: 1 } });
/** The record as published (JSON, so key order counts), with the measured time set aside. */
const published = (record: DecisionLogged['data']): string => JSON.stringify({ ...record, evaluationNs: 0 });
const ref = { policyId: 'org/storage', version: '1.0.0', cohort: cohortOf('org/storage', 'ann'), canary: false };
const head = { decisionId: 'd-1', timestamp: '2026-12-01T10:00:00.000Z', policyId: 'org/storage', version: '1.0.0', subject: 'ann' };

describe('DecisionPoint records', () => {
  it('given a rule that decides, when decided, then the record has every field in the published order', async () => {
    const { pdp } = await setup();
    const record = pdp.decide({ policyId: 'org/storage', subject: 'ann', request: request('delete') });
    expect(published(record)).toBe(JSON.stringify({ ...head, request: request('delete'), bundles: [ref], source: 'pdp', decisionPoint: 'pdp-r', evaluationNs: 0, result: { effect: 'deny', rule: 'no-deletes', tier: 'org', reason: 'keep data', noMatch: false } }));
    expect(record.evaluationNs).toBeGreaterThan(0);
  });

  it('given a refused request, when decided, then the error follows noMatch', async () => {
    const { pdp } = await setup();
    const record = pdp.decide({ policyId: 'org/storage', subject: 'ann', request: request('read', 'a\u0000b') });
    expect(Object.keys(record.result)).toEqual(['effect', 'rule', 'tier', 'reason', 'noMatch', 'error']);
    expect(record.result.error).toMatchObject({ code: expect.any(String) });
  });

  it('given an exception in force, when decided, then the exception is the result\'s last field', async () => {
    const { pdp, exceptions } = await setup();
    exceptions.put({ exceptionId: 'EXC-1', policyId: 'org/storage', ruleId: 'no-deletes', resource: 'b/*', expiresAt: '2027-01-01T00:00:00.000Z' });
    const record = pdp.decide({ policyId: 'org/storage', subject: 'ann', request: request('delete') });
    expect(Object.keys(record.result)).toEqual(['effect', 'rule', 'tier', 'reason', 'noMatch', 'exception']);
    expect(record.result.exception).toBe('EXC-1');
  });

  it('given no version loaded, when decided, then the record says so in the published order', async () => {
    const { pdp } = await setup();
    const record = pdp.decide({ policyId: 'org/other', subject: 'ann', request: request('read') });
    expect(published(record)).toBe(JSON.stringify({
      ...head, policyId: 'org/other', version: null, request: request('read'), bundles: [], source: 'pdp', decisionPoint: 'pdp-r', evaluationNs: 0,
      result: { effect: 'deny', rule: null, tier: null, reason: 'no active version of org/other or its parent tiers', noMatch: true, error: { code: 'PDP.NO_ACTIVE_BUNDLE', message: 'no bundle to evaluate' } },
    }));
  });

  it('given the kill switch on, when decided, then the record is the switch\'s in the published order', async () => {
    const { pdp } = await setup({ mode: 'fail-open', reason: 'incident 7' });
    const record = pdp.decide({ policyId: 'org/storage', subject: 'ann', request: request('delete') });
    expect(published(record)).toBe(JSON.stringify({ ...head, version: null, request: request('delete'), bundles: [], source: 'pdp', decisionPoint: 'pdp-r', evaluationNs: 0, result: { effect: 'allow', rule: null, tier: null, reason: 'org/storage is disabled (fail-open): incident 7', noMatch: false } }));
  });
});
