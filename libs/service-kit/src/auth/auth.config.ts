/** Issuer of the tokens `mintDevToken` makes and the dev verifier accepts. */
export const DEV_JWT_ISSUER = 'edict-dev';

/**
 * The shared HS256 secret used when `EDICT_DEV_JWT_SECRET` is unset. Public on purpose: it is
 * for a laptop and CI only. Services log a warning when they use it and refuse to start with it
 * when `NODE_ENV=production`.
 */
export const DEV_JWT_DEFAULT_SECRET = 'edict-local-development-secret-do-not-use-in-production';

/** How bearer tokens are verified. */
export type AuthConfig =
  | { readonly mode: 'dev'; readonly secret: string; readonly usesDefaultSecret: boolean }
  | { readonly mode: 'jwks'; readonly jwksUrl: string; readonly issuer: string; readonly audience: string };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the auth settings: with `EDICT_JWKS_URL`, production mode (then `EDICT_JWT_ISSUER` and
 * `EDICT_JWT_AUDIENCE` are required, so that tokens minted for other applications of the same
 * identity provider are refused); otherwise the dev issuer with `EDICT_DEV_JWT_SECRET`.
 */
export function resolveAuthConfig(env: Env = process.env): AuthConfig {
  const jwksUrl = env['EDICT_JWKS_URL'];
  if (jwksUrl) {
    const issuer = env['EDICT_JWT_ISSUER'];
    const audience = env['EDICT_JWT_AUDIENCE'];
    if (!issuer || !audience) throw new Error('EDICT_JWKS_URL needs EDICT_JWT_ISSUER and EDICT_JWT_AUDIENCE');
    new URL(jwksUrl); // fail at startup, not on the first request
    return { mode: 'jwks', jwksUrl, issuer, audience };
  }
  const secret = env['EDICT_DEV_JWT_SECRET'];
  if (!secret && env['NODE_ENV'] === 'production') {
    throw new Error('NODE_ENV=production needs EDICT_JWKS_URL (or at least EDICT_DEV_JWT_SECRET); refusing the public dev secret');
  }
  return { mode: 'dev', secret: secret || DEV_JWT_DEFAULT_SECRET, usesDefaultSecret: !secret };
}
