import type { JWK } from 'jose';
import { MANIFEST_FILE, SIGNATURES_FILE } from './build-opa-bundle';
import { opaBundleError } from './opa-bundle-error';
import type { OpaBundleFile } from './opa-bundle.types';
import { opaFileHash } from './opa-file-hash';
import { unpackOpaTarball } from './opa-tarball';
import { verifyOpaSignature } from './verify-opa-signature';

/** A bundle that verified: its revision and roots (from `.manifest`), the key id, its files. */
export interface VerifiedOpaBundle {
  readonly revision: string;
  readonly roots: readonly string[];
  readonly kid: string | undefined;
  readonly files: readonly OpaBundleFile[];
}

/**
 * Verifies a signed OPA tarball the way stock `opa --verification-key` does, and a little stricter:
 * the signature (see `verifyOpaSignature`), then every file against the signed list — a file the
 * signature does not list (`OPA_BUNDLE.FILE_NOT_SIGNED`), a listed file that is absent
 * (`OPA_BUNDLE.FILE_MISSING`), a hash that differs (`OPA_BUNDLE.DIGEST_MISMATCH`) — and a
 * `.manifest` with a revision and roots (`OPA_BUNDLE.MANIFEST_INVALID`). Never returns partly.
 */
export async function verifyOpaBundle(tarball: Uint8Array, publicJwk: JWK, options: { readonly scope?: string } = {}): Promise<VerifiedOpaBundle> {
  const files = await unpackOpaTarball(tarball);
  const signatures = files.find((file) => file.name === SIGNATURES_FILE);
  if (!signatures) throw opaBundleError('OPA_BUNDLE.SIGNATURE_MISSING', `the tarball has no ${SIGNATURES_FILE}`);
  const stray = files.find((file) => file !== signatures && file.name.endsWith('signatures.json'));
  // OPA takes any file whose name ends in signatures.json for the signatures file.
  if (stray) throw opaBundleError('OPA_BUNDLE.FILE_UNEXPECTED', `'${stray.name}' would be read as a signatures file`, { file: stray.name });
  const signed = await verifyOpaSignature(signatures.bytes, publicJwk, options.scope);
  const content = files.filter((file) => file !== signatures);
  for (const file of content) {
    const entry = signed.files.get(file.name);
    if (!entry) throw opaBundleError('OPA_BUNDLE.FILE_NOT_SIGNED', `'${file.name}' is not in the bundle signature`, { file: file.name });
    const actual = opaFileHash(file.name, file.bytes, entry.algorithm);
    if (actual !== entry.hash) throw opaBundleError('OPA_BUNDLE.DIGEST_MISMATCH', `'${file.name}': digest mismatch (signed ${entry.hash}, got ${actual})`, { file: file.name });
  }
  const missing = [...signed.files.keys()].find((name) => !content.some((file) => file.name === name));
  if (missing !== undefined) throw opaBundleError('OPA_BUNDLE.FILE_MISSING', `'${missing}' is signed but not in the tarball`, { file: missing });
  return { ...readManifest(content), kid: signed.kid, files: content };
}

function readManifest(files: readonly OpaBundleFile[]): { revision: string; roots: string[] } {
  const bytes = files.find((file) => file.name === MANIFEST_FILE)?.bytes;
  let manifest: { revision?: unknown; roots?: unknown } | undefined;
  try {
    manifest = bytes ? (JSON.parse(bytes.toString('utf8')) as typeof manifest) : undefined;
  } catch {
    manifest = undefined;
  }
  const { revision, roots } = manifest ?? {};
  if (typeof revision !== 'string' || !Array.isArray(roots) || !roots.every((root) => typeof root === 'string')) {
    throw opaBundleError('OPA_BUNDLE.MANIFEST_INVALID', `${MANIFEST_FILE} is missing or has no revision and roots`);
  }
  return { revision, roots };
}
