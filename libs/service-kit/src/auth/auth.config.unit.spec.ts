import { DEFAULT_TOKEN_RULES, DEV_JWT_DEFAULT_SECRET, resolveAuthConfig } from './auth.config';

describe('resolveAuthConfig', () => {
  it('uses the dev issuer with the shared secret by default', () => {
    expect(resolveAuthConfig({ EDICT_DEV_JWT_SECRET: 's3cret' })).toEqual({ mode: 'dev', secret: 's3cret', usesDefaultSecret: false, ...DEFAULT_TOKEN_RULES });
    expect(resolveAuthConfig({})).toEqual({ mode: 'dev', secret: DEV_JWT_DEFAULT_SECRET, usesDefaultSecret: true, ...DEFAULT_TOKEN_RULES });
  });

  it('refuses the public default secret in production', () => {
    expect(() => resolveAuthConfig({ NODE_ENV: 'production' })).toThrow(/EDICT_JWKS_URL/);
  });

  it('uses the JWKS with issuer and audience when EDICT_JWKS_URL is set', () => {
    const env = { EDICT_JWKS_URL: 'https://idp.example/jwks', EDICT_JWT_ISSUER: 'https://idp.example', EDICT_JWT_AUDIENCE: 'edict' };
    expect(resolveAuthConfig(env)).toEqual({ mode: 'jwks', jwksUrl: env.EDICT_JWKS_URL, issuer: env.EDICT_JWT_ISSUER, audience: 'edict', ...DEFAULT_TOKEN_RULES });
  });

  it('reads the claim names and the maximum token lifetime', () => {
    const config = resolveAuthConfig({ EDICT_JWT_ROLES_CLAIM: 'edict_roles', EDICT_JWT_TEAMS_CLAIM: 'groups', EDICT_JWT_MAX_LIFETIME_SECONDS: '600' });
    expect(config).toMatchObject({ claims: { roles: 'edict_roles', teams: 'groups' }, maxLifetimeSeconds: 600 });
    expect(() => resolveAuthConfig({ EDICT_JWT_MAX_LIFETIME_SECONDS: '0' })).toThrow(/MAX_LIFETIME/);
    expect(() => resolveAuthConfig({ EDICT_JWT_MAX_LIFETIME_SECONDS: 'soon' })).toThrow(/MAX_LIFETIME/);
  });

  it('refuses a JWKS without issuer or audience, or with a bad URL', () => {
    expect(() => resolveAuthConfig({ EDICT_JWKS_URL: 'https://idp.example/jwks', EDICT_JWT_ISSUER: 'x' })).toThrow(/AUDIENCE/);
    expect(() => resolveAuthConfig({ EDICT_JWKS_URL: 'not a url', EDICT_JWT_ISSUER: 'x', EDICT_JWT_AUDIENCE: 'y' })).toThrow();
  });
});
