/** One file of an OPA bundle: its path inside the tarball (no leading `/`) and its exact bytes. */
export interface OpaBundleFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** `spec.rego` of a version: Rego modules by file name and the data document of the policy's root. */
export interface OpaRegoSource {
  readonly modules?: Readonly<Record<string, string>>;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface BuildOpaBundleInput {
  readonly policyId: string;
  /** the version; becomes the `.manifest` revision */
  readonly version: string;
  readonly rego: OpaRegoSource;
  /** roots besides the policy's own (`regoRootOf(policyId)`), e.g. for a shared library package */
  readonly roots?: readonly string[];
}

/** The `.manifest` Edict writes (a subset of OPA's manifest fields). */
export interface OpaManifest {
  readonly revision: string;
  readonly roots: readonly string[];
  readonly rego_version: 1;
  readonly metadata: { readonly policy_id: string };
}

/** A built bundle: its files in tarball order, the gzipped tarball and the tarball's digest. */
export interface OpaBundle {
  readonly files: readonly OpaBundleFile[];
  readonly manifest: OpaManifest;
  readonly tarball: Buffer;
  /** `sha256:<hex>` of `tarball` */
  readonly digest: string;
}

/** The JWS algorithms Edict signs OPA bundles with (all verified by stock `opa`). */
export const OPA_SIGNING_ALGS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const;
export type OpaSigningAlg = (typeof OPA_SIGNING_ALGS)[number];

/** Signs a JWS signing input (`b64url(header).b64url(payload)`), returning the raw JWS signature bytes. */
export type OpaSignFunction = (signingInput: Uint8Array) => Promise<Uint8Array>;

export interface OpaSigningOptions {
  /** key id: the JWS header `kid` (and the deprecated `keyid` claim) */
  readonly kid: string;
  /** ES256 unless given */
  readonly alg?: OpaSigningAlg;
  readonly sign: OpaSignFunction;
  /** the optional `scope` claim; an agent configured with a scope refuses any other */
  readonly scope?: string;
}
