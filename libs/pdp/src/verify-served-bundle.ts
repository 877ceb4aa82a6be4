import { bundleSigningPayload, type ServedBundle } from '@edict/contracts';
import { canonicalDigest, ValidationError, verifyDetached } from '@edict/core';
import type { JWK } from 'jose';

/** Public keys by id (the signing service's JWKS: keys not retired); undefined for an unknown or retired key. */
export type KeyLookup = (kid: string) => Promise<JWK | undefined>;

/**
 * A decision point loads only what it can prove: the document hashes to the digest, and the
 * detached JWS over `{ policyId, version, digest }` verifies with a key the keyring still trusts
 * (a retired key is not in the JWKS, so its signatures are refused).
 */
export async function verifyServedBundle(policyId: string, bundle: ServedBundle, keys: KeyLookup): Promise<void> {
  const refuse = (why: string): never => {
    throw new ValidationError('PDP.BUNDLE_UNTRUSTED', `${policyId}@${bundle.version}: ${why}`);
  };
  if (canonicalDigest(bundle.document) !== bundle.digest) refuse('the document does not match its digest');
  const jwk = await keys(bundle.kid);
  if (!jwk) refuse(`key ${bundle.kid} is not in the JWKS (unknown or retired)`);
  const payload = bundleSigningPayload({ policyId, version: bundle.version, digest: bundle.digest });
  if (!(await verifyDetached(bundle.signature, payload, jwk as JWK))) refuse('the signature does not verify');
}
