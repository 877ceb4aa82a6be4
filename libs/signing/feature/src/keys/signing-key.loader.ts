import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The private key that signs, with its id (RFC 7638 thumbprint) and public JWK. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: 'EdDSA';
  readonly privateKey: CryptoKey | Uint8Array;
  readonly publicJwk: JWK;
}

const publicPart = ({ kty, crv, x }: JWK): JWK => ({ kty, crv, x });

/**
 * Loads the Ed25519 signing key from `EDICT_SIGNING_KEY_FILE` (a private JWK, e.g. mounted
 * from a Secret). When the file does not exist yet, a key is generated and written there
 * (mode 0600) — convenient locally; in production mount the file. Private keys never enter
 * the event store; only the public JWK is registered in the keyring.
 */
export async function loadSigningKey(file: string): Promise<SigningKey> {
  let jwk: JWK;
  if (existsSync(file)) {
    jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    jwk = await exportJWK(privateKey);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d) throw new Error(`${file} is not a private Ed25519 JWK`);
  const publicJwk = publicPart(jwk);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, alg: 'EdDSA', privateKey: await importJWK(jwk, 'EdDSA'), publicJwk };
}
