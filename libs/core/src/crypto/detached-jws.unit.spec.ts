import { exportJWK, generateKeyPair } from 'jose';
import { signDetached, verifyDetached } from './detached-jws';

describe('detached JWS', () => {
  const keys = async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    return { signer: { kid: 'k1', alg: 'EdDSA' as const, privateKey }, publicJwk: await exportJWK(publicKey) };
  };

  it('leaves the payload out and verifies against it', async () => {
    const { signer, publicJwk } = await keys();
    const jws = await signDetached('{"a":1}', signer);
    expect(jws.split('.')[1]).toBe('');
    await expect(verifyDetached(jws, '{"a":1}', publicJwk)).resolves.toBe(true);
  });

  it('refuses another payload, another key and a malformed signature', async () => {
    const { signer, publicJwk } = await keys();
    const other = await keys();
    const jws = await signDetached('{"a":1}', signer);
    await expect(verifyDetached(jws, '{"a":2}', publicJwk)).resolves.toBe(false);
    await expect(verifyDetached(jws, '{"a":1}', other.publicJwk)).resolves.toBe(false);
    await expect(verifyDetached('not-a-jws', '{"a":1}', publicJwk)).resolves.toBe(false);
  });

  it('signs and verifies with ES256 (P-256) too; the key decides the algorithm, not the header', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jws = await signDetached('{"a":1}', { kid: 'k2', alg: 'ES256', privateKey });
    await expect(verifyDetached(jws, '{"a":1}', await exportJWK(publicKey))).resolves.toBe(true);
    const ed = await keys();
    await expect(verifyDetached(jws, '{"a":1}', ed.publicJwk)).resolves.toBe(false);
    await expect(verifyDetached(await signDetached('{"a":1}', ed.signer), '{"a":1}', await exportJWK(publicKey))).resolves.toBe(false);
  });
});
