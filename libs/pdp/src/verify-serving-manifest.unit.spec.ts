import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { servingManifestPayload, type ServedBundle, type ServingManifest, type ServingState } from '@edict/contracts';
import { signDetached } from '@edict/core';
import { UntrustedServingStateError, verifyServingManifest } from './verify-serving-manifest';

const bundle = (version: string, digest = `sha256:${version}`): ServedBundle => ({ version, digest, document: {}, signature: 'x..y', kid: 'b1' });

async function setup() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk: JWK = await exportJWK(publicKey);
  const keys = (kid: string) => Promise.resolve(kid === 'm1' ? jwk : undefined);
  const sign = async (manifest: ServingManifest, kid = 'm1') => ({ manifest, kid, signature: await signDetached(servingManifestPayload(manifest), { kid, alg: 'ES256', privateKey }) });
  const manifest = (over: Partial<ServingManifest> = {}): ServingManifest => ({
    policyId: 'org/net', revision: 3, stable: { version: '1.0.0', digest: 'sha256:1.0.0' }, canary: null, pinned: null, killSwitch: null, ...over,
  });
  const state = async (over: Partial<ServingState> = {}, m = manifest()): Promise<ServingState> => ({
    policyId: 'org/net', revision: m.revision, stable: bundle('1.0.0'), canary: null, pinned: null, killSwitch: null, manifest: await sign(m), ...over,
  });
  return { keys, sign, manifest, state };
}

const reason = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof UntrustedServingStateError ? error.reason : `unexpected: ${String(error)}`),
  );

describe('verifyServingManifest', () => {
  it('given a signed manifest, serves what it says with the documents attached', async () => {
    const { keys, manifest, state } = await setup();
    const m = manifest({ canary: { version: '1.1.0', digest: 'sha256:1.1.0', percentage: 10 } });
    const trusted = await verifyServingManifest(await state({ canary: { ...bundle('1.1.0'), percentage: 10 } }, m), keys);
    expect(trusted).toMatchObject({ revision: 3, stable: { version: '1.0.0' }, canary: { version: '1.1.0', percentage: 10 }, killSwitch: null });
  });

  it('ignores unsigned fields: an injected kill switch or canary share does nothing', async () => {
    const { keys, manifest, state } = await setup();
    const m = manifest({ canary: { version: '1.1.0', digest: 'sha256:1.1.0', percentage: 10 } });
    const forged = await state({ killSwitch: { mode: 'fail-open', reason: 'proxy' }, canary: { ...bundle('1.1.0'), percentage: 100 } }, m);
    const trusted = await verifyServingManifest(forged, keys);
    expect(trusted.killSwitch).toBeNull();
    expect(trusted.canary?.percentage).toBe(10);
  });

  it('refuses a manifest changed after signing (a kill switch written into it)', async () => {
    const { keys, state } = await setup();
    const honest = await state();
    const tampered: ServingState = { ...honest, manifest: { ...honest.manifest!, manifest: { ...honest.manifest!.manifest, killSwitch: { mode: 'fail-open', reason: 'x' } } } };
    expect(await reason(verifyServingManifest(tampered, keys))).toBe('manifest_signature_invalid');
  });

  it('refuses a manifest signed by a key distribution does not publish', async () => {
    const { keys, sign, manifest, state } = await setup();
    expect(await reason(verifyServingManifest({ ...(await state()), manifest: await sign(manifest(), 'other') }, keys))).toBe('manifest_unknown_key');
  });

  it('refuses a state without a manifest, or with the manifest of another policy', async () => {
    const { keys, sign, manifest, state } = await setup();
    const { manifest: _dropped, ...bare } = await state();
    expect(await reason(verifyServingManifest(bare, keys))).toBe('manifest_missing');
    expect(await reason(verifyServingManifest({ ...(await state()), manifest: await sign(manifest({ policyId: 'org/other' })) }, keys))).toBe('manifest_policy_mismatch');
  });

  it('refuses an old bundle served in place of the version the manifest names (a rolled-back version replayed)', async () => {
    const { keys, state } = await setup();
    expect(await reason(verifyServingManifest(await state({ stable: bundle('0.9.0') }), keys))).toBe('bundle_mismatch');
    expect(await reason(verifyServingManifest(await state({ stable: bundle('1.0.0', 'sha256:other') }), keys))).toBe('bundle_mismatch');
    expect(await reason(verifyServingManifest(await state({ stable: null }), keys))).toBe('bundle_mismatch');
  });
});
