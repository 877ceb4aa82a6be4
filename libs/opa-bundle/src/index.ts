/**
 * @edict/opa-bundle — the OPA bundle form of a version: a deterministic `opa build`-compatible
 * tarball (`.manifest`, modules, `data.json`) and its `.signatures.json` in OPA's bundle-signing format.
 * @packageDocumentation
 */
export { regoPackageOf, regoRootOf } from './rego-root';
export * from './opa-bundle.types';
export type { OpaBundleErrorCode } from './opa-bundle-error';
export { buildOpaBundle, opaBundleFiles, MANIFEST_FILE, SIGNATURES_FILE } from './build-opa-bundle';
export { opaSignaturesPayload, signOpaBundle, type OpaSignaturesPayload, type OpaSignedFile } from './opa-signatures';
export { opaSignerFromPrivateKey } from './opa-signer';
export { buildSignedOpaBundle, packSignedOpaBundle, type SignedOpaBundle } from './build-signed-opa-bundle';
export { verifyOpaBundle, type VerifiedOpaBundle } from './verify-opa-bundle';
export { opaFileHash } from './opa-file-hash';
export { opaBundleInputOf } from './opa-bundle-input-of';
