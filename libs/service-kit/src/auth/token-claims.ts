import type { JWTPayload } from 'jose';
import { isRole } from '@edict/contracts';
import { UnauthenticatedError } from '@edict/core';
import { EdgeCodes } from '../problem/problem-codes';
import type { Principal } from './principal';

/**
 * The principal a verified token names. `sub` is required; `roles`, when present, must be a
 * list of strings. Roles Edict does not know are dropped rather than refused, because an
 * identity provider shared with other applications may add its own.
 */
export function principalFromClaims(payload: JWTPayload, token?: string): Principal {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '') throw invalid('the token has no subject');
  const roles: unknown = payload['roles'] ?? [];
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) throw invalid('the roles claim must be a list of strings');
  return { subject, roles: [...new Set(roles.filter(isRole))], ...(token === undefined ? {} : { token }) };
}

const invalid = (reason: string): UnauthenticatedError => new UnauthenticatedError(EdgeCodes.tokenInvalid, `The token is not valid: ${reason}.`);
