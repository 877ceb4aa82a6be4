import type { JWTPayload } from 'jose';
import { isRole } from '@edict/contracts';
import { UnauthenticatedError } from '@edict/core';
import { EdgeCodes } from '../problem/problem-codes';
import type { Principal } from './principal';

/** Where roles and teams are read from: identity providers name their claims differently. */
export interface ClaimNames {
  readonly roles: string;
  readonly teams: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = { roles: 'roles', teams: 'teams' };

// Team names are path segments of policy ids (`teams/<team>/…`), so a claim value outside that
// alphabet can never match a policy and is refused rather than silently ignored.
const TEAM = /^[a-z0-9][a-z0-9-]{0,62}$/;

const stringList = (value: unknown, claim: string): string[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw invalid(`the ${claim} claim must be a list of strings`);
  return value;
};

/**
 * The principal a verified token names. `sub` is required; roles and teams, when present, must be
 * lists of strings. Roles Edict does not know are dropped rather than refused, because an identity
 * provider shared with other applications may add its own; team names must be policy-id segments.
 */
export function principalFromClaims(payload: JWTPayload, token?: string, claims: ClaimNames = DEFAULT_CLAIM_NAMES): Principal {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '') throw invalid('the token has no subject');
  const roles = stringList(payload[claims.roles], claims.roles);
  const teams = stringList(payload[claims.teams], claims.teams);
  const badTeam = teams.find((team) => !TEAM.test(team));
  if (badTeam !== undefined) throw invalid(`'${badTeam}' in the ${claims.teams} claim is not a team name`);
  return { subject, roles: [...new Set(roles.filter(isRole))], teams: [...new Set(teams)], ...(token === undefined ? {} : { token }) };
}

/**
 * Refuses a token without `exp`, or one whose lifetime (`exp` − `iat`, or `exp` − now without
 * `iat`) is longer than the configured maximum: a leaked token must stop working on its own.
 */
export function checkTokenLifetime(payload: JWTPayload, maxLifetimeSeconds: number, nowSeconds: number): void {
  if (typeof payload.exp !== 'number') throw invalid('the token has no expiry (exp)');
  const from = typeof payload.iat === 'number' ? Math.min(payload.iat, nowSeconds) : nowSeconds;
  const lifetime = payload.exp - from;
  if (lifetime > maxLifetimeSeconds) throw invalid(`its lifetime (${lifetime} s) is longer than the allowed ${maxLifetimeSeconds} s`);
}

const invalid = (reason: string): UnauthenticatedError => new UnauthenticatedError(EdgeCodes.tokenInvalid, `The token is not valid: ${reason}.`);
