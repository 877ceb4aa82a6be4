import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { DEFAULT_TOKEN_RULES } from './auth.config';
import { createTokenVerifier } from './token-verifier';

// The production path: keys from an identity provider's JWKS endpoint (a local HTTP server here).
describe('createTokenVerifier with a remote JWKS', () => {
  const issuer = 'https://idp.test';
  const audience = 'edict';
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const sign = (key: CryptoKey, claims: { iss?: string; aud?: string } = {}) =>
    new SignJWT({ roles: ['oncall'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('sre-1')
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? audience)
      .setExpirationTime('5m')
      .sign(key);

  it('accepts a token signed by a key of the set, for this issuer and audience', async () => {
    const verify = createTokenVerifier({ mode: 'jwks', jwksUrl, issuer, audience, ...DEFAULT_TOKEN_RULES });
    expect(await verify(await sign(privateKey))).toMatchObject({ subject: 'sre-1', roles: ['oncall'] });
  });

  it('refuses another audience, another issuer, and another key with AUTH.TOKEN_INVALID', async () => {
    const verify = createTokenVerifier({ mode: 'jwks', jwksUrl, issuer, audience, ...DEFAULT_TOKEN_RULES });
    const stranger = (await generateKeyPair('RS256')).privateKey;
    for (const token of [await sign(privateKey, { aud: 'other-app' }), await sign(privateKey, { iss: 'https://evil.test' }), await sign(stranger)]) {
      await expect(verify(token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID', status: 401 });
    }
  });

  it('refuses a shared-secret token, whatever its claims', async () => {
    const verify = createTokenVerifier({ mode: 'jwks', jwksUrl, issuer, audience, ...DEFAULT_TOKEN_RULES });
    const hs = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject('x')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('guessable-secret-guessable-secret'));
    await expect(verify(hs)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('answers 503 AUTH.KEYS_UNAVAILABLE, not 401, when the key set cannot be fetched', async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const port = (down.address() as AddressInfo).port;
    await new Promise((resolve) => down.close(resolve));
    const verify = createTokenVerifier({ mode: 'jwks', jwksUrl: `http://127.0.0.1:${port}/jwks`, issuer, audience, ...DEFAULT_TOKEN_RULES });
    await expect(verify(await sign(privateKey))).rejects.toMatchObject({ code: 'AUTH.KEYS_UNAVAILABLE', status: 503, retriable: true });
  });
});
