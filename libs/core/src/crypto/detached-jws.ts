import { base64url, CompactSign, decodeProtectedHeader, flattenedVerify, importJWK, type CryptoKey, type JWK } from 'jose';

/** The algorithms Edict signs with: EdDSA (Ed25519, the first keys) and ES256 (P-256, what stock `opa` verifies). */
export type SigningAlgorithm = 'EdDSA' | 'ES256';

/** A key that signs: its id (RFC 7638 thumbprint) and algorithm go into the JWS header. */
export interface DetachedSigner {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateKey: CryptoKey | Uint8Array;
}

/** A compact JWS over `payload` with the payload left out (`header..signature`, RFC 7515 app. F). */
export async function signDetached(payload: string, key: DetachedSigner): Promise<string> {
  const jws = await new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'edict-bundle+jws' })
    .sign(key.privateKey);
  const [header, , signature] = jws.split('.');
  return `${header}..${signature}`;
}

/** The algorithm a public JWK verifies: ES256 for a P-256 key, EdDSA for an Ed25519 one. */
const algorithmOf = (jwk: JWK): SigningAlgorithm | undefined =>
  jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? 'EdDSA' : undefined;

/**
 * Verifies a detached compact JWS against the payload and a public JWK; false on any mismatch.
 * The algorithm comes from the key, never from the header alone, and the two must agree.
 */
export async function verifyDetached(detached: string, payload: string, publicJwk: JWK): Promise<boolean> {
  const [header, empty, signature] = detached.split('.');
  if (!header || empty !== '' || !signature) return false;
  try {
    const alg = algorithmOf(publicJwk);
    if (!alg || decodeProtectedHeader(`${header}..${signature}`).alg !== alg) return false;
    const key = await importJWK(publicJwk, alg);
    // the detached payload goes back in base64url-encoded, as it was when signed (b64: true)
    await flattenedVerify({ protected: header, payload: base64url.encode(payload), signature }, key);
    return true;
  } catch {
    return false;
  }
}
