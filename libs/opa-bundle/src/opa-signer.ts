import { KeyObject, constants, createPrivateKey, sign, type JsonWebKey } from 'node:crypto';
import { opaBundleError } from './opa-bundle-error';
import type { OpaSignFunction, OpaSigningAlg } from './opa-bundle.types';

const HASH: Readonly<Record<OpaSigningAlg, string>> = {
  ES256: 'sha256', ES384: 'sha384', ES512: 'sha512',
  RS256: 'sha256', RS384: 'sha384', RS512: 'sha512',
  PS256: 'sha256', PS384: 'sha384', PS512: 'sha512',
};

/**
 * A `sign` function for `signOpaBundle` from a private key (a KeyObject, or a private JWK as the
 * signing service keeps them): ECDSA signatures in the JWS form (r‖s), RSA PKCS#1 v1.5 or PSS.
 */
export function opaSignerFromPrivateKey(privateKey: KeyObject | JsonWebKey, alg: OpaSigningAlg = 'ES256'): OpaSignFunction {
  const hash = HASH[alg];
  if (!hash) throw opaBundleError('OPA_BUNDLE.SIGNING_ALG_UNSUPPORTED', `'${String(alg)}' is not an OPA signing algorithm Edict supports`, { alg });
  const key = privateKey instanceof KeyObject ? privateKey : createPrivateKey({ key: privateKey, format: 'jwk' });
  const options = alg.startsWith('ES')
    ? { key, dsaEncoding: 'ieee-p1363' as const }
    : alg.startsWith('PS')
      ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
      : { key };
  return (signingInput) => Promise.resolve(new Uint8Array(sign(hash, signingInput, options)));
}
