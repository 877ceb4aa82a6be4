import type { DomainEvent } from '@edict/core';
import type { BundleContent } from './bundle-events';

export type BundleSigned = DomainEvent<'BundleSigned', BundleContent & {
  /** key id in the keyring / JWKS */
  readonly kid: string;
  readonly alg: 'EdDSA' | 'ES256';
  /** compact JWS with detached payload; the payload is `{ policyId, version, digest }` canonical JSON */
  readonly signature: string;
  readonly signedAt: string;
  /** the OPA bundle form, when the version has `spec.rego` modules and the active key is ES256 */
  readonly opa?: BundleSignedOpaForm;
  /** why a version with `spec.rego` modules has no OPA form (e.g. `OPA_FORM.ALG_UNSUPPORTED` for an EdDSA key) */
  readonly opaSkipped?: { readonly code: string; readonly reason: string };
}>;

/**
 * The signed OPA bundle of a version: rebuilt byte for byte from the document's `spec.rego` and
 * `signatures` (`packSignedOpaBundle`), so only the signatures are recorded, never the tarball.
 */
export interface BundleSignedOpaForm {
  /** `sha256:<hex>` of the signed tarball */
  readonly digest: string;
  /** the tarball's `.signatures.json`, as text */
  readonly signatures: string;
  /** the key that signed it: the same as the Edict signature's */
  readonly kid: string;
  readonly alg: 'ES256';
}

/** Events of a `signature-<policyId>@<version>` stream, written by signing. */
export type SignatureEvent = BundleSigned;

export type SigningKeyRegistered = DomainEvent<'SigningKeyRegistered', {
  readonly kid: string;
  readonly alg: 'EdDSA' | 'ES256';
  /** the public key as a JWK; private keys never enter the store */
  readonly publicJwk: Readonly<Record<string, unknown>>;
  readonly registeredAt: string;
}>;

export type SigningKeyRetired = DomainEvent<'SigningKeyRetired', {
  readonly kid: string;
  readonly retiredAt: string;
}>;

/** Events of the `keyring` stream, written by signing. */
export type KeyringEvent = SigningKeyRegistered | SigningKeyRetired;
