/**
 * @edict/opa-bundle — the OPA bundle form of a version: a deterministic `opa build`-compatible
 * tarball (`.manifest`, modules, `data.json`) and its `.signatures.json` in OPA's bundle-signing format.
 * @packageDocumentation
 */
export { regoPackageOf, regoRootOf } from './rego-root';
export {};
