import { SIGNATURES_FILE, byName, opaBundleFiles } from './build-opa-bundle';
import type { BuildOpaBundleInput, OpaBundle, OpaBundleFile, OpaSigningOptions } from './opa-bundle.types';
import { signOpaBundle } from './opa-signatures';
import { packOpaTarball, sha256Digest } from './opa-tarball';

/** A signed bundle: `files` and `tarball` include `.signatures.json`; `signatures` is its bytes. */
export interface SignedOpaBundle extends OpaBundle {
  readonly signatures: Buffer;
}

/**
 * The tarball of the files with a given `.signatures.json` inside, in the same deterministic form
 * as `buildOpaBundle`: a version rebuilt with its recorded `.signatures.json` gives the same bytes.
 */
export async function packSignedOpaBundle(files: readonly OpaBundleFile[], signatures: Buffer): Promise<{ files: OpaBundleFile[]; tarball: Buffer; digest: string }> {
  const all = [...files.filter((file) => file.name !== SIGNATURES_FILE), { name: SIGNATURES_FILE, bytes: signatures }].sort(byName);
  const tarball = await packOpaTarball(all);
  return { files: all, tarball, digest: sha256Digest(tarball) };
}

/**
 * `buildOpaBundle` and `signOpaBundle` in one: the tarball stock `opa` loads with
 * `--verification-key`. Its bytes are deterministic when the signature is (ECDSA signatures are
 * randomised: record `signatures` and rebuild with `packSignedOpaBundle` to get the same bytes again).
 */
export async function buildSignedOpaBundle(input: BuildOpaBundleInput, signing: OpaSigningOptions): Promise<SignedOpaBundle> {
  const { files, manifest } = opaBundleFiles(input);
  const signatures = await signOpaBundle(files, signing);
  return { ...(await packSignedOpaBundle(files, signatures)), manifest, signatures };
}
