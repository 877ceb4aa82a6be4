import { SignJWT } from 'jose';
import { UnauthenticatedError } from '@edict/core';
import { readBearerToken } from './bearer-token';
import { mintDevToken } from './dev-token';
import { checkTokenLifetime, principalFromClaims } from './token-claims';
import { DEFAULT_TOKEN_RULES, DEV_JWT_DEFAULT_SECRET } from './auth.config';
import { createTokenVerifier } from './token-verifier';

const secret = 'unit-test-secret-0123456789abcdefghij';
const verify = createTokenVerifier({ mode: 'dev', secret, usesDefaultSecret: false, ...DEFAULT_TOKEN_RULES });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('dev tokens', () => {
  it('round-trips: what mintDevToken mints, the dev verifier accepts', async () => {
    const token = await mintDevToken({ subject: 'alice', roles: ['author', 'reviewer'], secret });
    expect(await verify(token)).toEqual({ subject: 'alice', roles: ['author', 'reviewer'], teams: [], token });
  });

  it('defaults to the documented dev secret', async () => {
    const previous = process.env['EDICT_DEV_JWT_SECRET'];
    delete process.env['EDICT_DEV_JWT_SECRET'];
    try {
      const token = await mintDevToken({ subject: 'bob', roles: ['admin'] });
      const verifyDefault = createTokenVerifier({ mode: 'dev', secret: DEV_JWT_DEFAULT_SECRET, usesDefaultSecret: true, ...DEFAULT_TOKEN_RULES });
      expect((await verifyDefault(token)).subject).toBe('bob');
    } finally {
      if (previous !== undefined) process.env['EDICT_DEV_JWT_SECRET'] = previous;
    }
  });

  it('refuses unknown roles and an empty subject when minting', async () => {
    await expect(mintDevToken({ subject: 'a', roles: ['root' as 'admin'], secret })).rejects.toThrow(/unknown roles: root/);
    await expect(mintDevToken({ subject: '', roles: [], secret })).rejects.toThrow(/subject/);
  });

  it.each([
    ['another secret', () => mintDevToken({ subject: 'a', roles: [], secret: 'some-other-secret-0123456789abcdef' })],
    ['an expired token', () => mintDevToken({ subject: 'a', roles: [], secret, ttlSeconds: -30 })],
    ['another issuer', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer('x').setExpirationTime('1h').sign(new TextEncoder().encode(secret))],
    ['no subject', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('edict-dev').setExpirationTime('1h').sign(new TextEncoder().encode(secret))],
    ['garbage', () => Promise.resolve('a.b.c')],
  ])('refuses %s with AUTH.TOKEN_INVALID', async (_name, make) => {
    const error = await rejection(verify(await make()));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error).toMatchObject({ code: 'AUTH.TOKEN_INVALID', status: 401 });
  });

  it('refuses the "none" algorithm', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"a","iss":"edict-dev","roles":["admin"]}').toString('base64url')}.`;
    expect(await rejection(verify(unsigned))).toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });
});

describe('principalFromClaims', () => {
  it('keeps known roles only, once each', () => {
    expect(principalFromClaims({ sub: 's', roles: ['author', 'other-app:editor', 'author'] })).toEqual({ subject: 's', roles: ['author'], teams: [] });
  });

  it('reads teams, once each, from the teams claim or the configured claim names', () => {
    expect(principalFromClaims({ sub: 's', teams: ['alpha', 'beta', 'alpha'] }).teams).toEqual(['alpha', 'beta']);
    const claims = { roles: 'https://idp.example/roles', teams: 'groups' };
    const principal = principalFromClaims({ sub: 's', 'https://idp.example/roles': ['team-lead'], groups: ['alpha'], roles: ['admin'] }, undefined, claims);
    expect(principal).toEqual({ subject: 's', roles: ['team-lead'], teams: ['alpha'] });
  });

  it('refuses a teams claim that is not a list of team names', () => {
    expect(() => principalFromClaims({ sub: 's', teams: 'alpha' })).toThrow(UnauthenticatedError);
    expect(() => principalFromClaims({ sub: 's', teams: ['Alpha/Team'] })).toThrow(/not a team name/);
  });

  it('treats a missing roles claim as no roles', () => {
    expect(principalFromClaims({ sub: 's' }).roles).toEqual([]);
  });

  it('refuses a roles claim that is not a list of strings', () => {
    expect(() => principalFromClaims({ sub: 's', roles: 'admin' })).toThrow(UnauthenticatedError);
    expect(() => principalFromClaims({ sub: 's', roles: [1] })).toThrow(UnauthenticatedError);
  });
});

describe('token lifetime', () => {
  const now = 1_700_000_000;

  it('refuses a token without exp', () => {
    expect(() => checkTokenLifetime({ sub: 's', iat: now }, 3600, now)).toThrow(/no expiry/);
  });

  it('refuses a lifetime over the maximum, counted from iat or, without it, from now', () => {
    expect(() => checkTokenLifetime({ iat: now, exp: now + 3601 }, 3600, now)).toThrow(/3601 s/);
    expect(() => checkTokenLifetime({ exp: now + 7200 }, 3600, now)).toThrow(UnauthenticatedError);
    expect(() => checkTokenLifetime({ iat: now - 100, exp: now + 3500 }, 3600, now)).not.toThrow();
    // an iat in the future cannot shorten the lifetime that counts
    expect(() => checkTokenLifetime({ iat: now + 5000, exp: now + 7200 }, 3600, now)).toThrow(UnauthenticatedError);
  });

  it('is enforced by the verifier: no exp, or too long, is AUTH.TOKEN_INVALID', async () => {
    const key = new TextEncoder().encode(secret);
    const noExp = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer('edict-dev').sign(key);
    expect(await rejection(verify(noExp))).toMatchObject({ code: 'AUTH.TOKEN_INVALID', status: 401 });
    const long = await mintDevToken({ subject: 'a', roles: [], secret, ttlSeconds: 86_400 * 365 });
    expect(await rejection(verify(long))).toMatchObject({ code: 'AUTH.TOKEN_INVALID', message: expect.stringMatching(/lifetime/) });
  });

  it('carries teams from a dev token', async () => {
    const token = await mintDevToken({ subject: 'lee', roles: ['team-lead'], teams: ['alpha'], secret });
    expect((await verify(token)).teams).toEqual(['alpha']);
  });
});

describe('readBearerToken', () => {
  it('reads the token, whatever the scheme’s case', () => {
    expect(readBearerToken('Bearer abc.def.ghi')).toEqual({ kind: 'token', token: 'abc.def.ghi' });
    expect(readBearerToken('bearer abc')).toEqual({ kind: 'token', token: 'abc' });
  });

  it('tells missing from malformed', () => {
    expect(readBearerToken(undefined)).toEqual({ kind: 'missing' });
    expect(readBearerToken('')).toEqual({ kind: 'missing' });
    for (const header of ['Basic abc', 'Bearer', 'Bearer a b', 'Token abc']) expect(readBearerToken(header)).toEqual({ kind: 'malformed' });
  });
});
