import type { DomainEvent } from '@edict/core';
import type { BundleContent } from './bundle-events';

export type BundleSigned = DomainEvent<'BundleSigned', BundleContent & {
  /** key id in the keyring / JWKS */
  readonly kid: string;
  readonly alg: 'EdDSA' | 'ES256';
  /** compact JWS with detached payload; the payload is `{ policyId, version, digest }` canonical JSON */
  readonly signature: string;
  readonly signedAt: string;
}>;

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
