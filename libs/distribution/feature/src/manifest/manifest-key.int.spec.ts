import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { servingManifestPayload, type ServingManifest } from '@edict/contracts';
import { verifyDetached } from '@edict/core';
import { loadManifestKey } from './manifest-key';
import { signManifest } from './sign-manifest';

const manifest: ServingManifest = { policyId: 'org/x', revision: 4, stable: { version: '1.0.0', digest: 'sha256:a' }, canary: null, pinned: null, killSwitch: null };

describe('the manifest key (files on disk)', () => {
  it('generates a private key file (0600) when missing, and signs manifests its public JWK verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-key-'));
    const key = await loadManifestKey(join(dir, 'k.jwk.json'), []);
    expect(statSync(join(dir, 'k.jwk.json')).mode & 0o777).toBe(0o600);
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: key.signer.kid });
    expect(key.publicJwk).not.toHaveProperty('d');
    const signed = await signManifest(manifest, key);
    expect(await verifyDetached(signed.signature, servingManifestPayload(manifest), key.publicJwk)).toBe(true);
    expect((await loadManifestKey(join(dir, 'k.jwk.json'), [])).signer.kid).toBe(key.signer.kid);
  });

  it('after a rotation signs with the new key and still publishes the previous one, never its private half', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-key-'));
    const old = await loadManifestKey(join(dir, 'old.jwk.json'), []);
    const next = await generateKeyPair('ES256', { extractable: true });
    writeFileSync(join(dir, 'new.jwk.json'), JSON.stringify(await exportJWK(next.privateKey)));
    const rotated = await loadManifestKey(join(dir, 'new.jwk.json'), [join(dir, 'old.jwk.json')]);
    expect(rotated.signer.kid).not.toBe(old.signer.kid);
    expect(rotated.previous).toEqual([old.publicJwk]);
    const signed = await signManifest(manifest, rotated);
    expect(signed.kid).toBe(rotated.signer.kid);
    expect(await verifyDetached(signed.signature, servingManifestPayload(manifest), old.publicJwk)).toBe(false);
    expect(JSON.stringify(rotated.previous)).not.toContain((JSON.parse(readFileSync(join(dir, 'old.jwk.json'), 'utf8')) as { d: string }).d);
  });

  it('refuses a signing file without a private key, or not P-256', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-key-'));
    const pair = await generateKeyPair('ES256', { extractable: true });
    writeFileSync(join(dir, 'public.jwk.json'), JSON.stringify(await exportJWK(pair.publicKey)));
    await expect(loadManifestKey(join(dir, 'public.jwk.json'), [])).rejects.toThrow(/no private key/);
    const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    writeFileSync(join(dir, 'ed.jwk.json'), JSON.stringify(await exportJWK(ed.privateKey)));
    await expect(loadManifestKey(join(dir, 'ed.jwk.json'), [])).rejects.toThrow(/not a P-256 JWK/);
  });
});
