import { DEV_JWT_DEFAULT_SECRET, resolveAuthConfig } from './auth.config';

describe('resolveAuthConfig', () => {
  it('uses the dev issuer with the shared secret by default', () => {
    expect(resolveAuthConfig({ EDICT_DEV_JWT_SECRET: 's3cret' })).toEqual({ mode: 'dev', secret: 's3cret', usesDefaultSecret: false });
    expect(resolveAuthConfig({})).toEqual({ mode: 'dev', secret: DEV_JWT_DEFAULT_SECRET, usesDefaultSecret: true });
  });

  it('refuses the public default secret in production', () => {
    expect(() => resolveAuthConfig({ NODE_ENV: 'production' })).toThrow(/EDICT_JWKS_URL/);
  });

  it('uses the JWKS with issuer and audience when EDICT_JWKS_URL is set', () => {
    const env = { EDICT_JWKS_URL: 'https://idp.example/jwks', EDICT_JWT_ISSUER: 'https://idp.example', EDICT_JWT_AUDIENCE: 'edict' };
    expect(resolveAuthConfig(env)).toEqual({ mode: 'jwks', jwksUrl: env.EDICT_JWKS_URL, issuer: env.EDICT_JWT_ISSUER, audience: 'edict' });
  });

  it('refuses a JWKS without issuer or audience, or with a bad URL', () => {
    expect(() => resolveAuthConfig({ EDICT_JWKS_URL: 'https://idp.example/jwks', EDICT_JWT_ISSUER: 'x' })).toThrow(/AUDIENCE/);
    expect(() => resolveAuthConfig({ EDICT_JWKS_URL: 'not a url', EDICT_JWT_ISSUER: 'x', EDICT_JWT_AUDIENCE: 'y' })).toThrow();
  });
});
