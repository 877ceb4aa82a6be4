import { base64url, CompactSign, flattenedVerify, importJWK, type CryptoKey, type JWK } from 'jose';

/** A key that signs: its id (RFC 7638 thumbprint) and algorithm go into the JWS header. */
export interface DetachedSigner {
  readonly kid: string;
  readonly alg: 'EdDSA';
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

/** Verifies a detached compact JWS against the payload and a public JWK; false on any mismatch. */
export async function verifyDetached(detached: string, payload: string, publicJwk: JWK): Promise<boolean> {
  const [header, empty, signature] = detached.split('.');
  if (!header || empty !== '' || !signature) return false;
  try {
    const key = await importJWK(publicJwk, 'EdDSA');
    // the detached payload goes back in base64url-encoded, as it was when signed (b64: true)
    await flattenedVerify({ protected: header, payload: base64url.encode(payload), signature }, key);
    return true;
  } catch {
    return false;
  }
}
