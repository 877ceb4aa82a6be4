import { generateKeyPair, exportJWK, calculateJwkThumbprint } from 'jose';
import { verifyOpaBundle } from '@edict/opa-bundle';
import type { ManifestKey } from '../manifest/manifest-key';
import { KillSwitchBundles, killSwitchRego, retiredRego } from './kill-switch-bundle';

async function manifestKey(): Promise<ManifestKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const { kty, crv, x, y } = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint({ kty, crv, x, y });
  return { signer: { kid, alg: 'ES256', privateKey }, publicJwk: { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' }, previous: [] };
}

describe('KillSwitchBundles', () => {
  it("signs a kill-switch bundle with distribution's key, revision kill-switch-<mode>, the same bytes on every request", async () => {
    const key = await manifestKey();
    const bundles = new KillSwitchBundles(key);
    const first = await bundles.of('org/egress', 'fail-closed');
    expect(await bundles.of('org/egress', 'fail-closed')).toBe(first);
    const verified = await verifyOpaBundle(first.tarball, key.publicJwk);
    expect(verified).toEqual(expect.objectContaining({ kid: key.publicJwk.kid, revision: 'kill-switch-fail-closed' }));
    expect((await bundles.of('org/egress', 'fail-open')).digest).not.toBe(first.digest);
  });

  it('signs the retired bundle as revision `retired`, denying at the policy root', async () => {
    const key = await manifestKey();
    const retired = await new KillSwitchBundles(key).of('org/egress', 'retired');
    expect(await verifyOpaBundle(retired.tarball, key.publicJwk)).toEqual(expect.objectContaining({ revision: 'retired' }));
    expect(retiredRego('org/egress')).toContain('package edict.org.egress\n\nallow := false\n\ndeny := {"edict: org/egress is retired"}');
  });

  it('answers allow and deny at the policy root by mode', () => {
    expect(killSwitchRego('org/egress', 'fail-closed')).toContain('package edict.org.egress\n\nallow := false');
    expect(killSwitchRego('org/egress', 'fail-open')).toContain('allow := true\n\ndeny := set()');
  });
});
