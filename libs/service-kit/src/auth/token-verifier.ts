import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyOptions } from 'jose';
import { UnauthenticatedError, UnavailableError } from '@edict/core';
import { EdgeCodes } from '../problem/problem-codes';
import type { AuthConfig } from './auth.config';
import { DEV_JWT_ISSUER } from './auth.config';
import type { Principal } from './principal';
import { checkTokenLifetime, principalFromClaims } from './token-claims';
import { VerifiedTokenCache } from './verified-token.cache';

/** Verifies a bearer token and names its principal; throws 401 `AUTH.TOKEN_INVALID` otherwise. */
export type TokenVerifier = (token: string) => Promise<Principal>;

// Asymmetric only: a JWKS must never let a token choose a shared-secret algorithm.
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
// Clocks of issuer and services drift a little; more than this and the token is refused.
const CLOCK_TOLERANCE_SECONDS = 5;

/** A verifier for the dev issuer (HS256, shared secret) or a production JWKS. */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const verify = verifyFunction(config);
  const cache = new VerifiedTokenCache();
  return async (token) => {
    const known = cache.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (error) {
      throw toEdgeError(error);
    }
    checkTokenLifetime(payload, config.maxLifetimeSeconds, Math.floor(Date.now() / 1000));
    const principal = principalFromClaims(payload, token, config.claims);
    cache.set(token, principal, payload.exp);
    return principal;
  };
}

function verifyFunction(config: AuthConfig): (token: string) => Promise<JWTPayload> {
  if (config.mode === 'dev') {
    const key = new TextEncoder().encode(config.secret);
    const options: JWTVerifyOptions = { issuer: DEV_JWT_ISSUER, algorithms: ['HS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS };
    return async (token) => (await jwtVerify(token, key, options)).payload;
  }
  // The key set is fetched lazily and cached by jose, which refetches on an unknown `kid` (rotation).
  const keys = createRemoteJWKSet(new URL(config.jwksUrl));
  const options: JWTVerifyOptions = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: JWKS_ALGORITHMS,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  return async (token) => (await jwtVerify(token, keys, options)).payload;
}

function toEdgeError(error: unknown): Error {
  // Not the token's fault: the identity provider's key set could not be fetched or read.
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
    return new UnavailableError('AUTH.KEYS_UNAVAILABLE', 'The token cannot be verified now; the signing keys are unavailable.');
  }
  const reason = error instanceof errors.JWTExpired ? 'the token has expired' : error.message;
  return new UnauthenticatedError(EdgeCodes.tokenInvalid, `The token is not valid: ${reason}.`);
}
