import { DEFAULT_CLAIM_NAMES, type ClaimNames } from './token-claims';

type Env = Readonly<Record<string, string | undefined>>;

/** Issuer of the tokens `mintDevToken` makes and the dev verifier accepts. */
export const DEV_JWT_ISSUER = 'edict-dev';

/**
 * The shared HS256 secret used when `EDICT_DEV_JWT_SECRET` is unset. Public on purpose: it is
 * for a laptop and CI only. Services log a warning when they use it and refuse to start with it
 * when `NODE_ENV=production`.
 */
export const DEV_JWT_DEFAULT_SECRET = 'edict-local-development-secret-do-not-use-in-production';

/** What every token must satisfy, whoever issued it. */
export interface TokenRules {
  /** claim names of roles and teams (`EDICT_JWT_ROLES_CLAIM`, `EDICT_JWT_TEAMS_CLAIM`) */
  readonly claims: ClaimNames;
  /** longest accepted `exp` − `iat` (`EDICT_JWT_MAX_LIFETIME_SECONDS`, default 24 h); tokens without `exp` are refused */
  readonly maxLifetimeSeconds: number;
}

/** How bearer tokens are verified. */
export type AuthConfig = TokenRules &
  (
    | { readonly mode: 'dev'; readonly secret: string; readonly usesDefaultSecret: boolean }
    | { readonly mode: 'jwks'; readonly jwksUrl: string; readonly issuer: string; readonly audience: string }
  );

export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;

/** The rules with every default: claims `roles` and `teams`, tokens of at most 24 h. */
export const DEFAULT_TOKEN_RULES: TokenRules = { claims: DEFAULT_CLAIM_NAMES, maxLifetimeSeconds: DEFAULT_MAX_TOKEN_LIFETIME_SECONDS };

function tokenRules(env: Env): TokenRules {
  const raw = env['EDICT_JWT_MAX_LIFETIME_SECONDS'];
  const maxLifetimeSeconds = raw === undefined || raw === '' ? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS : Number(raw);
  if (!Number.isInteger(maxLifetimeSeconds) || maxLifetimeSeconds <= 0) throw new Error('EDICT_JWT_MAX_LIFETIME_SECONDS must be a positive whole number of seconds');
  return {
    claims: { roles: env['EDICT_JWT_ROLES_CLAIM'] || DEFAULT_CLAIM_NAMES.roles, teams: env['EDICT_JWT_TEAMS_CLAIM'] || DEFAULT_CLAIM_NAMES.teams },
    maxLifetimeSeconds,
  };
}


/**
 * Reads the auth settings: with `EDICT_JWKS_URL`, production mode (then `EDICT_JWT_ISSUER` and
 * `EDICT_JWT_AUDIENCE` are required, so that tokens minted for other applications of the same
 * identity provider are refused); otherwise the dev issuer with `EDICT_DEV_JWT_SECRET`. Either way
 * tokens need an `exp` within `EDICT_JWT_MAX_LIFETIME_SECONDS`, and roles and teams are read from
 * the configured claim names.
 */
export function resolveAuthConfig(env: Env = process.env): AuthConfig {
  const jwksUrl = env['EDICT_JWKS_URL'];
  if (jwksUrl) {
    const issuer = env['EDICT_JWT_ISSUER'];
    const audience = env['EDICT_JWT_AUDIENCE'];
    if (!issuer || !audience) throw new Error('EDICT_JWKS_URL needs EDICT_JWT_ISSUER and EDICT_JWT_AUDIENCE');
    new URL(jwksUrl); // fail at startup, not on the first request
    return { mode: 'jwks', jwksUrl, issuer, audience, ...tokenRules(env) };
  }
  const secret = env['EDICT_DEV_JWT_SECRET'];
  if (!secret && env['NODE_ENV'] === 'production') {
    throw new Error('NODE_ENV=production needs EDICT_JWKS_URL (or at least EDICT_DEV_JWT_SECRET); refusing the public dev secret');
  }
  return { mode: 'dev', secret: secret || DEV_JWT_DEFAULT_SECRET, usesDefaultSecret: !secret, ...tokenRules(env) };
}
