import { SIGNATURES_FILE, byName } from './build-opa-bundle';
import { canonicalJson } from './canonical-json';
import { opaBundleError } from './opa-bundle-error';
import { OPA_SIGNING_ALGS, type OpaBundleFile, type OpaSigningOptions } from './opa-bundle.types';
import { OPA_FILE_HASH_ALGORITHM, opaFileHash } from './opa-file-hash';

/** One entry of the `files` claim. */
export interface OpaSignedFile {
  readonly name: string;
  readonly hash: string;
  readonly algorithm: string;
}

/** The JWT claims of an OPA bundle signature (OPA's `DecodedSignature`). */
export interface OpaSignaturesPayload {
  readonly files: readonly OpaSignedFile[];
  /** deprecated in OPA in favour of the header `kid`, still written for older agents (as `opa sign` does) */
  readonly keyid?: string;
  readonly scope?: string;
}

/**
 * The claims OPA expects: every file but `.signatures.json`, by name in byte order, with its
 * SHA-256 hash (`opaFileHash`: raw bytes, or the normalised JSON form for `.manifest`/`data.json`).
 */
export function opaSignaturesPayload(files: readonly OpaBundleFile[], claims: { readonly kid?: string; readonly scope?: string } = {}): OpaSignaturesPayload {
  const signed = [...files]
    .filter((file) => file.name !== SIGNATURES_FILE)
    .sort(byName)
    .map((file) => ({ name: file.name, hash: opaFileHash(file.name, file.bytes), algorithm: OPA_FILE_HASH_ALGORITHM }));
  return { files: signed, ...(claims.kid !== undefined ? { keyid: claims.kid } : {}), ...(claims.scope !== undefined ? { scope: claims.scope } : {}) };
}

const base64url = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url');

/**
 * The bytes of `.signatures.json` for the files: `{"signatures":["<compact JWS>"]}`, the JWS with
 * protected header `{"alg","kid","typ":"JWT"}` and the payload of `opaSignaturesPayload`, its
 * signature from the injected `sign` (raw JWS signature bytes: r‖s for ES*, not DER).
 */
export async function signOpaBundle(files: readonly OpaBundleFile[], options: OpaSigningOptions): Promise<Buffer> {
  const alg = options.alg ?? 'ES256';
  if (!(OPA_SIGNING_ALGS as readonly string[]).includes(alg)) {
    throw opaBundleError('OPA_BUNDLE.SIGNING_ALG_UNSUPPORTED', `'${alg}' is not one of ${OPA_SIGNING_ALGS.join(', ')}`, { alg });
  }
  const header = base64url(canonicalJson({ alg, kid: options.kid, typ: 'JWT' }));
  const payload = base64url(JSON.stringify(opaSignaturesPayload(files, { kid: options.kid, scope: options.scope })));
  const signature = await options.sign(Buffer.from(`${header}.${payload}`, 'ascii'));
  return Buffer.from(JSON.stringify({ signatures: [`${header}.${payload}.${base64url(signature)}`] }), 'utf8');
}
