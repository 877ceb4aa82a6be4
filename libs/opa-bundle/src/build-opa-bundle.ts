import { tierOfPolicyId } from '@edict/contracts';
import { bundleModules } from './bundle-modules';
import { bundleRoots } from './bundle-roots';
import { canonicalJsonBytes } from './canonical-json';
import { opaBundleError } from './opa-bundle-error';
import type { BuildOpaBundleInput, OpaBundle, OpaBundleFile, OpaManifest } from './opa-bundle.types';
import { packOpaTarball, sha256Digest } from './opa-tarball';

export const MANIFEST_FILE = '.manifest';
export const SIGNATURES_FILE = '.signatures.json';

/** Tarball order: by name, in byte order (`.manifest` and `.signatures.json` come first). */
export const byName = (a: OpaBundleFile, b: OpaBundleFile): number => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));

/** The files of a version's OPA bundle (no signature yet), sorted as they go into the tarball. */
export function opaBundleFiles(input: BuildOpaBundleInput): { files: OpaBundleFile[]; manifest: OpaManifest } {
  tierOfPolicyId(input.policyId); // BUNDLE.POLICY_ID_INVALID for anything that is not a policy id
  if (typeof input.version !== 'string' || !/^[0-9A-Za-z.+-]{1,128}$/.test(input.version)) {
    throw opaBundleError('OPA_BUNDLE.VERSION_INVALID', `'${String(input.version)}' is not a version to use as the bundle revision`);
  }
  const roots = bundleRoots(input.policyId, input.roots);
  const modules = bundleModules(input.rego.modules ?? {}, roots);
  const data = input.rego.data ?? {};
  const hasData = Object.keys(data).length > 0;
  if (modules.length === 0 && !hasData) throw opaBundleError('OPA_BUNDLE.EMPTY', 'spec.rego has neither modules nor data: there is nothing to bundle');
  const manifest: OpaManifest = { revision: input.version, roots, rego_version: 1, metadata: { policy_id: input.policyId } };
  const files = [{ name: MANIFEST_FILE, bytes: canonicalJsonBytes(manifest) }, ...modules];
  if (hasData) files.push({ name: `${roots[0]!}/data.json`, bytes: canonicalJsonBytes(data, 'spec.rego.data') });
  return { files: files.sort(byName), manifest };
}

/**
 * The OPA bundle of a version: `.manifest` (revision = version, roots = the policy's root plus
 * `roots`, rego_version 1), each module at `<root>/<name>` and `spec.rego.data` at
 * `<root>/data.json`. The same input always gives the same bytes, and so the same digest.
 * Refuses bad input with a ValidationError (`OPA_BUNDLE.*`, `BUNDLE.POLICY_ID_INVALID`).
 */
export async function buildOpaBundle(input: BuildOpaBundleInput): Promise<OpaBundle> {
  const { files, manifest } = opaBundleFiles(input);
  const tarball = await packOpaTarball(files);
  return { files, manifest, tarball, digest: sha256Digest(tarball) };
}
