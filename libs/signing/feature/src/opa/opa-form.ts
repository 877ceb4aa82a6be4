import { KeyObject } from 'node:crypto';
import type { BundleSigned } from '@edict/contracts';
import { ValidationError } from '@edict/core';
import { buildSignedOpaBundle, opaSignerFromPrivateKey, type BuildOpaBundleInput } from '@edict/opa-bundle';
import type { SigningKey } from '../keys/private-jwk';

/** What BundleSigned records about the OPA form: the form, or why there is none. */
export type OpaFormFields = Pick<BundleSigned['data'], 'opa' | 'opaSkipped'>;

/**
 * The signed OPA bundle of a version with the given key (the one that makes the Edict signature,
 * so both carry the same kid). Only ES256 keys sign it (stock opa verifies no EdDSA bundle
 * signature); with another key, or a `spec.rego` the bundle builder refuses, the form is skipped
 * and the reason recorded instead: the version is still signed for the Edict PDP.
 */
export async function opaFormOf(input: BuildOpaBundleInput, key: SigningKey): Promise<OpaFormFields> {
  if (key.alg !== 'ES256' || key.privateKey instanceof Uint8Array) {
    return { opaSkipped: { code: 'OPA_FORM.ALG_UNSUPPORTED', reason: `the active key ${key.kid} is ${key.alg}; OPA bundles are signed with ES256 keys only (rotate to get one)` } };
  }
  try {
    const sign = opaSignerFromPrivateKey(KeyObject.from(key.privateKey), 'ES256');
    const bundle = await buildSignedOpaBundle(input, { kid: key.kid, alg: 'ES256', sign });
    return { opa: { digest: bundle.digest, signatures: bundle.signatures.toString('utf8'), kid: key.kid, alg: 'ES256' } };
  } catch (error) {
    // bad Rego input is the document's fault and never changes on a retry; anything else is rethrown
    if (error instanceof ValidationError) return { opaSkipped: { code: error.code, reason: error.message } };
    throw error;
  }
}
