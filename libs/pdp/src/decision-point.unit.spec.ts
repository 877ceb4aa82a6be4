import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { bundleSigningPayload, cohortOf, servingManifestPayload, type ServedBundle, type ServingManifest, type ServingState } from '@edict/contracts';
import { canonicalDigest, fixedClock, signDetached } from '@edict/core';
import { DecisionPoint } from './decision-point';

const document = (version: string, effect: 'allow' | 'deny', policyId = 'org/net') => ({
  apiVersion: 'edict.io/v1',
  kind: 'PolicyBundle',
  metadata: { policyId, version },
  spec: { defaultEffect: 'deny', rules: [{ id: `r-${effect}`, match: { action: 'connect' }, effect, reason: `${effect} in ${version}` }] },
});

async function setup() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk: JWK = await exportJWK(publicKey);
  const trusted = new Set(['k1']);
  const jwks = { down: false };
  const serve = async (version: string, effect: 'allow' | 'deny', policyId = 'org/net'): Promise<ServedBundle> => {
    const doc = document(version, effect, policyId);
    const digest = canonicalDigest(doc);
    const signature = await signDetached(bundleSigningPayload({ policyId, version, digest }), { kid: 'k1', alg: 'EdDSA', privateKey });
    return { version, digest, document: doc, signature, kid: 'k1' };
  };
  let n = 0;
  const manifestKey = await generateKeyPair('ES256', { extractable: true });
  const manifestJwk: JWK = await exportJWK(manifestKey.publicKey);
  const pdp = new DecisionPoint({
    name: 'test',
    clock: fixedClock('2026-01-01T00:00:00Z'),
    ids: { next: () => `d-${++n}` },
    keys: (kid) => (jwks.down ? Promise.reject(new Error('JWKS unreachable')) : Promise.resolve(trusted.has(kid) ? jwk : undefined)),
    manifestKeys: (kid) => Promise.resolve(kid === 'm1' ? manifestJwk : undefined),
  });
  /** what distribution signs for a state (over its versions, share, pin and kill switch) */
  const manifestOf = (s: ServingState): ServingManifest => {
    const named = (b: ServedBundle | null) => (b ? { version: b.version, digest: b.digest } : null);
    return { policyId: s.policyId, revision: s.revision, stable: named(s.stable), canary: s.canary ? { ...named(s.canary)!, percentage: s.canary.percentage } : null, pinned: named(s.pinned), killSwitch: s.killSwitch };
  };
  const sign = async (manifest: ServingManifest) => ({ manifest, kid: 'm1', signature: await signDetached(servingManifestPayload(manifest), { kid: 'm1', alg: 'ES256', privateKey: manifestKey.privateKey }) });
  const load = async (s: ServingState) => pdp.load({ ...s, manifest: await sign(manifestOf(s)) });
  return { pdp, serve, trusted, jwks, load, sign, manifestOf };
}

const state = (over: Partial<ServingState>): ServingState => ({ policyId: 'org/net', stable: null, canary: null, pinned: null, killSwitch: null, revision: 1, ...over });
const ask = (subject: string) => ({ policyId: 'org/net', subject, request: { agent: 'a', action: 'connect', resource: 'x' } });
// subjects on either side of a 50% canary
const subjects = Array.from({ length: 200 }, (_, i) => `s-${i}`);
const inCanary = subjects.find((s) => cohortOf('org/net', s) < 50) as string;
const outOfCanary = subjects.find((s) => cohortOf('org/net', s) >= 50) as string;

describe('DecisionPoint', () => {
  it('gives cohorts below the percentage the canary and the others stable', async () => {
    const { pdp, serve, load } = await setup();
    await load(state({ stable: await serve('1.0.0', 'allow'), canary: { ...(await serve('1.1.0', 'deny')), percentage: 50 } }));
    expect(pdp.decide(ask(inCanary))).toMatchObject({ version: '1.1.0', result: { effect: 'deny', rule: 'r-deny' }, bundles: [{ canary: true }] });
    expect(pdp.decide(ask(outOfCanary))).toMatchObject({ version: '1.0.0', result: { effect: 'allow', rule: 'r-allow' }, bundles: [{ canary: false }] });
  });

  it('serves a pin to everyone and obeys the kill switch before anything else', async () => {
    const { pdp, serve, load } = await setup();
    const stable = await serve('1.0.0', 'allow');
    await load(state({ stable, canary: { ...(await serve('1.1.0', 'deny')), percentage: 50 }, pinned: stable, revision: 2 }));
    expect(pdp.decide(ask(inCanary))).toMatchObject({ version: '1.0.0', result: { effect: 'allow' } });
    await load(state({ stable, killSwitch: { mode: 'fail-open', reason: 'drill' }, revision: 3 }));
    expect(pdp.decide(ask(outOfCanary)).result).toMatchObject({ effect: 'allow', rule: null });
    await load(state({ stable, killSwitch: { mode: 'fail-closed', reason: 'drill' }, revision: 4 }));
    expect(pdp.decide(ask(outOfCanary)).result).toMatchObject({ effect: 'deny', reason: expect.stringContaining('disabled') });
  });

  it('evaluates the parent tiers of a policy too, and the most restrictive effect wins', async () => {
    const { pdp, serve, load } = await setup();
    await load(state({ stable: await serve('1.0.0', 'deny') }));
    await load(state({ policyId: 'teams/alpha/net', stable: await serve('2.0.0', 'allow', 'teams/alpha/net') }));
    const decision = pdp.decide({ ...ask('anyone'), policyId: 'teams/alpha/net' });
    expect(decision).toMatchObject({ policyId: 'teams/alpha/net', version: '2.0.0', result: { effect: 'deny', tier: 'org', rule: 'r-deny' } });
    expect(decision.bundles.map((b) => `${b.policyId}@${b.version}`)).toEqual(['org/net@1.0.0', 'teams/alpha/net@2.0.0']);
  });

  it('denies, as an error, when no tier has a version', async () => {
    const { pdp } = await setup();
    expect(pdp.decide(ask('anyone'))).toMatchObject({ version: null, result: { effect: 'deny', error: { code: 'PDP.NO_ACTIVE_BUNDLE' } } });
  });

  it('refuses a tampered document, an unknown key and a bad signature, keeping what it had', async () => {
    const { pdp, serve, load } = await setup();
    const good = await serve('1.0.0', 'allow');
    await load(state({ stable: good }));
    const tampered = { ...good, document: document('1.0.0', 'deny') };
    await expect(load(state({ stable: tampered, revision: 2 }))).rejects.toMatchObject({ code: 'PDP.SERVING_STATE_UNTRUSTED', reason: 'bundle_untrusted' });
    await expect(load(state({ stable: { ...good, kid: 'k2' }, revision: 2 }))).rejects.toMatchObject({ code: 'PDP.SERVING_STATE_UNTRUSTED', reason: 'bundle_untrusted' });
    const other = await serve('1.0.1', 'allow');
    await expect(load(state({ stable: { ...good, signature: other.signature }, revision: 2 }))).rejects.toMatchObject({ code: 'PDP.SERVING_STATE_UNTRUSTED', reason: 'bundle_untrusted' });
    expect(pdp.decide(ask('anyone'))).toMatchObject({ version: '1.0.0', result: { effect: 'allow' } });
  });

  it('serves a version it verified before from what it compiled then: a rollback does not verify and compile it again', async () => {
    const { pdp, serve, load } = await setup();
    const stable = await serve('1.0.0', 'allow');
    await load(state({ stable }));
    const compiled = pdp.loaded()[0]?.stable;
    await load(state({ stable: await serve('1.1.0', 'deny'), revision: 2 }));
    await load(state({ stable, revision: 3 }));
    expect(pdp.loaded()[0]?.stable).toBe(compiled);
    expect(pdp.decide(ask('anyone'))).toMatchObject({ version: '1.0.0', result: { effect: 'allow' } });
  });

  it('refuses a version verified before once its key has left the JWKS, and one whose document no longer matches', async () => {
    const { pdp, serve, trusted, load } = await setup();
    const stable = await serve('1.0.0', 'allow');
    await load(state({ stable }));
    await load(state({ stable: await serve('1.1.0', 'deny'), revision: 2 }));
    await expect(load(state({ stable: { ...stable, document: document('1.0.0', 'deny') }, revision: 3 }))).rejects.toMatchObject({ reason: 'bundle_untrusted' });
    trusted.delete('k1');
    await expect(load(state({ stable, revision: 3 }))).rejects.toMatchObject({ reason: 'bundle_untrusted' });
    expect(pdp.decide(ask('anyone'))).toMatchObject({ version: '1.1.0' });
  });

  it('drops loaded versions whose key leaves the JWKS (retired), keeps the others, and drops nothing while keys answer', async () => {
    const { pdp, serve, trusted, load } = await setup();
    const canary = { ...(await serve('1.1.0', 'deny')), percentage: 50 };
    await load(state({ stable: await serve('1.0.0', 'allow'), canary: { ...canary, kid: 'k1' } }));
    await expect(pdp.dropUntrusted()).resolves.toEqual([]);
    trusted.delete('k1');
    await expect(pdp.dropUntrusted()).resolves.toEqual([
      { policyId: 'org/net', slot: 'stable', version: '1.0.0', kid: 'k1' },
      { policyId: 'org/net', slot: 'canary', version: '1.1.0', kid: 'k1' },
    ]);
    expect(pdp.decide(ask(outOfCanary)).result).toMatchObject({ effect: 'deny', error: { code: 'PDP.NO_ACTIVE_BUNDLE' } });
    expect(pdp.decide(ask(inCanary)).result).toMatchObject({ effect: 'deny', error: { code: 'PDP.NO_ACTIVE_BUNDLE' } });
    await expect(pdp.dropUntrusted()).resolves.toEqual([]);
  });

  it('drops nothing when the key lookup fails (the JWKS unreachable): it cannot tell', async () => {
    const { pdp, serve, jwks, load } = await setup();
    await load(state({ stable: await serve('1.0.0', 'allow') }));
    jwks.down = true;
    await expect(pdp.dropUntrusted()).resolves.toEqual([]);
    expect(pdp.decide(ask('anyone'))).toMatchObject({ version: '1.0.0', result: { effect: 'allow' } });
  });

  it('refuses a replayed older manifest, and another manifest at the held revision; the same one again changes nothing', async () => {
    const { pdp, serve, load } = await setup();
    const current = state({ stable: await serve('1.1.0', 'deny'), revision: 5 });
    await load(current);
    await expect(load(current)).resolves.toBe(false);
    await expect(load(state({ stable: await serve('1.0.0', 'allow'), revision: 4 }))).rejects.toMatchObject({ reason: 'manifest_stale' });
    await expect(load(state({ stable: await serve('1.0.0', 'allow'), revision: 5 }))).rejects.toMatchObject({ reason: 'manifest_stale' });
    expect(pdp.decide(ask('anyone')).version).toBe('1.1.0');
  });

  it('loads one policy one state at a time: an older state fetched first and loaded alongside a newer one never wins', async () => {
    const { pdp, serve, load, sign, manifestOf } = await setup();
    const stable = await serve('1.0.0', 'allow');
    await load(state({ stable, revision: 1 }));
    // signed up front, so the three loads reach the PDP in this order (signing is async and may finish in any order)
    const signed = async (s: ServingState) => ({ ...s, manifest: await sign(manifestOf(s)) });
    const [olderState, newerState] = [await signed(state({ stable, revision: 2 })), await signed(state({ stable, canary: { ...(await serve('1.1.0', 'deny')), percentage: 50 }, revision: 3 }))];
    const older = pdp.load(olderState);
    const newer = pdp.load(newerState);
    const stale = pdp.load(olderState);
    await expect(older).resolves.toBe(true);
    await expect(newer).resolves.toBe(true);
    await expect(stale).rejects.toMatchObject({ reason: 'manifest_stale' });
    expect(pdp.loaded().find((p) => p.policyId === 'org/net')?.revision).toBe(3);
    expect(pdp.decide(ask(inCanary))).toMatchObject({ version: '1.1.0' });
  });

  it('obeys only the signed manifest: a kill switch injected beside it is ignored, one inside it without a signature refused', async () => {
    const { pdp, serve, sign, manifestOf } = await setup();
    const honest = state({ stable: await serve('1.0.0', 'deny'), revision: 2 });
    const signed = await sign(manifestOf(honest));
    await pdp.load({ ...honest, killSwitch: { mode: 'fail-open', reason: 'injected on the path' }, manifest: signed });
    expect(pdp.decide(ask('anyone')).result).toMatchObject({ effect: 'deny', rule: 'r-deny' });
    const forged = { ...signed, manifest: { ...signed.manifest, revision: 3, killSwitch: { mode: 'fail-open' as const, reason: 'x' } } };
    await expect(pdp.load({ ...honest, revision: 3, manifest: forged })).rejects.toMatchObject({ reason: 'manifest_signature_invalid' });
    expect(pdp.decide(ask('anyone')).result).toMatchObject({ effect: 'deny' });
  });
});
