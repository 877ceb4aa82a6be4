import { ROLES, type Role } from '@edict/contracts';
import { BODY_LIMIT_BYTES } from '@edict/service-kit';
import type { Endpoint } from './endpoints';
import type { ExpectedProblem } from './problem';
import type { RawClient, RawRequest } from './raw-client';

/** One row of the table: an endpoint, one thing wrong with the request, and the answer it must get. */
export interface BadInputCase {
  readonly name: string;
  readonly endpoint: Endpoint;
  readonly query?: string;
  readonly request: (raw: RawClient) => Promise<RawRequest>;
  readonly expect: ExpectedProblem;
}

const FORGED_SECRET = 'a-secret-this-stack-does-not-know';
const label = (e: Endpoint): string => `${e.service} ${e.method} ${e.path}`;
const valid = (e: Endpoint): Pick<RawRequest, 'body' | 'headers'> => ({
  ...(e.body === undefined ? {} : { body: { json: e.body } }),
  ...(e.headers ? { headers: e.headers } : {}),
});
const wrongRoles = (e: Endpoint): Role[] => ROLES.filter((r) => !e.allowed.includes(r)).slice(0, 1);

/** Credentials: none, forged, expired, not a JWT, another scheme, and a role the endpoint does not admit. */
function credentialCases(e: Endpoint): BadInputCase[] {
  const unauthenticated = (what: string, code: string, request: (raw: RawClient) => Promise<RawRequest>): BadInputCase => ({
    name: `${label(e)}: ${what}`, endpoint: e, request, expect: { status: 401, code },
  });
  const wrong = wrongRoles(e);
  return [
    unauthenticated('missing token', 'AUTH.TOKEN_MISSING', () => Promise.resolve(valid(e))),
    unauthenticated('token signed with another secret', 'AUTH.TOKEN_INVALID', async (raw) => ({ ...valid(e), token: await raw.token('alice', e.allowed, { secret: FORGED_SECRET }) })),
    unauthenticated('expired token', 'AUTH.TOKEN_INVALID', async (raw) => ({ ...valid(e), token: await raw.token('alice', e.allowed, { ttlSeconds: -300 }) })),
    unauthenticated('not a JWT', 'AUTH.TOKEN_INVALID', () => Promise.resolve({ ...valid(e), token: 'not-a-jwt' })),
    unauthenticated('another scheme', 'AUTH.TOKEN_INVALID', () => Promise.resolve({ ...valid(e), headers: { ...e.headers, authorization: 'Basic YWxpY2U6c2VjcmV0' } })),
    {
      name: `${label(e)}: ${wrong.length ? `wrong role (${wrong.join(', ')})` : 'no role'}`,
      endpoint: e,
      request: async (raw) => ({ ...valid(e), token: await raw.token('mallory', wrong) }),
      expect: { status: 403, code: 'AUTH.ROLE_REQUIRED' },
    },
  ];
}

// Hostile payloads the edge refuses before anything recursive sees them (docs/security.md).
const DEEP = `{"reason": ${'{"a": '.repeat(10_000)}1${'}'.repeat(10_000)}}`;
const WIDE = JSON.stringify({ reason: Array.from({ length: 10_001 }, (_, i) => i) });
const HUGE_NUMBER = '{"reason": "x", "limit": 1e400}';
const NOT_UTF8 = new Uint8Array([...Buffer.from('{"reason": "'), 0xff, 0xfe, ...Buffer.from('"}')]);

/** Framing, for endpoints that read a body: malformed JSON, over 1 MiB, too deep, too wide, 1e400, invalid UTF-8. */
function framingCases(e: Endpoint): BadInputCase[] {
  if (e.method === 'GET') return [];
  const asCaller = async (raw: RawClient, body: string | Uint8Array): Promise<RawRequest> => ({
    ...valid(e), token: await raw.token('alice', e.allowed), body: { raw: body, contentType: 'application/json' },
  });
  const oversized = JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT_BYTES + 1024) });
  return [
    { name: `${label(e)}: malformed JSON`, endpoint: e, request: (raw) => asCaller(raw, '{"reason": "unterminated'), expect: { status: 400, code: 'REQUEST.MALFORMED_JSON' } },
    { name: `${label(e)}: body over 1 MiB`, endpoint: e, request: (raw) => asCaller(raw, oversized), expect: { status: 413, code: 'REQUEST.TOO_LARGE' } },
    { name: `${label(e)}: JSON nested 10,000 deep`, endpoint: e, request: (raw) => asCaller(raw, DEEP), expect: { status: 400, code: 'REQUEST.TOO_DEEP' } },
    { name: `${label(e)}: JSON with 10,001 members`, endpoint: e, request: (raw) => asCaller(raw, WIDE), expect: { status: 413, code: 'REQUEST.TOO_MANY_MEMBERS' } },
    { name: `${label(e)}: a number that overflows (1e400)`, endpoint: e, request: (raw) => asCaller(raw, HUGE_NUMBER), expect: { status: 400, code: 'REQUEST.NON_FINITE_NUMBER' } },
    { name: `${label(e)}: invalid UTF-8`, endpoint: e, request: (raw) => asCaller(raw, NOT_UTF8), expect: { status: 400, code: 'REQUEST.INVALID_UTF8' } },
  ];
}

/** The endpoint's own faults (shape and value), sent by a caller it admits. */
function faultCases(e: Endpoint): BadInputCase[] {
  return e.faults.map((fault) => ({
    name: `${label(e)}: ${fault.what}`,
    endpoint: e,
    ...(fault.query === undefined ? {} : { query: fault.query }),
    request: async (raw) => ({
      ...(e.headers ? { headers: e.headers } : {}),
      ...(fault.body === undefined ? {} : { body: fault.body }),
      token: await raw.token('alice', e.allowed),
    }),
    expect: fault.expect,
  }));
}

/** Every case for every endpoint. */
export const badInputCases = (endpoints: readonly Endpoint[]): BadInputCase[] =>
  endpoints.flatMap((e) => [...credentialCases(e), ...framingCases(e), ...faultCases(e)]);
