import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { SigningAlgorithm } from '@edict/core';

/** A private key that can sign, with its id (RFC 7638 thumbprint of the public half) and public JWK. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateKey: CryptoKey | Uint8Array;
  readonly publicJwk: JWK;
}

/** The public members only: what may enter the keyring, the JWKS and any response. */
const publicPart = (jwk: JWK): JWK => (jwk.kty === 'EC' ? { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } : { kty: jwk.kty, crv: jwk.crv, x: jwk.x });

const algorithmOf = (jwk: JWK): SigningAlgorithm | undefined =>
  jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? 'EdDSA' : undefined;

/** Reads a private JWK: ES256 (P-256) or EdDSA (Ed25519, the keys from before rotation). */
export async function signingKeyOf(jwk: JWK, source: string): Promise<SigningKey> {
  const alg = algorithmOf(jwk);
  if (!alg || !jwk.d) throw new Error(`${source} is not a private P-256 or Ed25519 JWK`);
  const publicJwk = publicPart(jwk);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, alg, privateKey: await importJWK(jwk, alg), publicJwk };
}

/** A new ES256 key (stock `opa` verifies ES256 bundle signatures), with its private JWK to store. */
export async function generateSigningKey(): Promise<{ key: SigningKey; privateJwk: JWK }> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  return { key: await signingKeyOf(privateJwk, 'a generated key'), privateJwk };
}
