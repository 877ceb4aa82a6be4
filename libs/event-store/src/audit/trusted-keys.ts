import type { JWK } from 'jose';
import { verifyDetached } from '@edict/core';
import { checkpointPayload } from './audit-checkpoint';
import type { CheckpointSignatureCheck } from './audit-verifier';

/** A signature check against public JWKs (a JWKS's `keys`), each with its `kid`. */
export const trustedKeys = (keys: readonly JWK[]): CheckpointSignatureCheck => async (checkpoint) => {
  const key = keys.find((k) => k.kid === checkpoint.kid);
  return key ? verifyDetached(checkpoint.signature, checkpointPayload(checkpoint), key) : false;
};
