import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { opaBundleError } from './opa-bundle-error';
import { OPA_SIGNING_ALGS } from './opa-bundle.types';
import type { OpaSignedFile } from './opa-signatures';

/** What a verified `.signatures.json` says: the key id used and the signed files by name. */
export interface VerifiedOpaSignature {
  readonly kid: string | undefined;
  readonly files: ReadonlyMap<string, OpaSignedFile>;
}

/**
 * Checks `.signatures.json` as OPA's default verifier does: exactly one JWS, signed by this key
 * (`OPA_BUNDLE.SIGNATURE_INVALID`), a header `alg`/`kid` that fit the key (`OPA_BUNDLE.KEY_MISMATCH`),
 * a `scope` claim equal to the expected one, none when none is expected (`OPA_BUNDLE.SCOPE_MISMATCH`).
 */
export async function verifyOpaSignature(signaturesJson: Buffer, publicJwk: JWK, scope = ''): Promise<VerifiedOpaSignature> {
  const token = singleToken(signaturesJson);
  const header = (() => {
    try {
      return decodeProtectedHeader(token);
    } catch {
      throw invalid('the JWS header does not decode');
    }
  })();
  const alg = header.alg ?? '';
  if (!(OPA_SIGNING_ALGS as readonly string[]).includes(alg)) throw invalid(`the JWS algorithm '${alg}' is not accepted`);
  if ((publicJwk.alg !== undefined && publicJwk.alg !== alg) || (publicJwk.kid !== undefined && header.kid !== undefined && publicJwk.kid !== header.kid)) {
    throw opaBundleError('OPA_BUNDLE.KEY_MISMATCH', `signed with ${alg} by key '${header.kid ?? '(no kid)'}', not by key '${publicJwk.kid ?? '(no kid)'}'${publicJwk.alg ? ` (${publicJwk.alg})` : ''}`, { kid: header.kid, alg });
  }
  let payload: Uint8Array;
  try {
    payload = (await compactVerify(token, await importJWK(publicJwk, alg), { algorithms: [alg] })).payload;
  } catch (error) {
    throw invalid(`the signature does not verify with this key: ${(error as Error).message}`);
  }
  const claims = parseClaims(payload);
  if ((claims.scope ?? '') !== scope) throw opaBundleError('OPA_BUNDLE.SCOPE_MISMATCH', `the signature's scope '${claims.scope ?? ''}' is not '${scope}'`, { scope: claims.scope });
  return { kid: header.kid, files: claims.files };
}

function singleToken(signaturesJson: Buffer): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(signaturesJson.toString('utf8'));
  } catch {
    throw invalid('.signatures.json is not JSON');
  }
  const signatures = (parsed as { signatures?: unknown } | null)?.signatures;
  if (!Array.isArray(signatures) || signatures.length !== 1 || typeof signatures[0] !== 'string') throw invalid('.signatures.json must hold exactly one JWS');
  return signatures[0];
}

function parseClaims(payload: Uint8Array): { files: Map<string, OpaSignedFile>; scope?: string } {
  let claims: { files?: unknown; scope?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload).toString('utf8')) as typeof claims;
  } catch {
    throw invalid('the JWS payload is not JSON');
  }
  if (!Array.isArray(claims.files) || (claims.scope !== undefined && typeof claims.scope !== 'string')) throw invalid('the JWS payload has no files list');
  const files = new Map<string, OpaSignedFile>();
  for (const file of claims.files as unknown[]) {
    const { name, hash, algorithm } = (file ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || typeof hash !== 'string' || !/^[0-9a-f]+$/i.test(hash) || typeof algorithm !== 'string' || files.has(name)) {
      throw invalid(`the JWS payload lists a malformed or repeated file: ${JSON.stringify(file)}`);
    }
    files.set(name, { name, hash: hash.toLowerCase(), algorithm });
  }
  return { files, ...(typeof claims.scope === 'string' ? { scope: claims.scope } : {}) };
}

const invalid = (message: string): Error => opaBundleError('OPA_BUNDLE.SIGNATURE_INVALID', message);
