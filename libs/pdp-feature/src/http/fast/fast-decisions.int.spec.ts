import type { INestApplication } from '@nestjs/common';
import { bootstrapService, listeningPort, mintDevToken } from '@edict/service-kit';
import { PdpModule } from '../../pdp.module';
import { installFastDecisions } from './install-fast-decisions';

interface Sent {
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
  readonly authorization?: string;
}

interface Answer {
  readonly status: number;
  readonly etag: string | null;
  readonly contentType: string | null;
  readonly wwwAuthenticate: string | null;
  readonly correlationId: string | null;
  readonly json: Record<string, unknown>;
}

/**
 * The fast path (`POST /v1/decisions` on node:http) against Nest's controller for the same
 * request: Express routes `/v1/decisions/` (trailing slash) to the controller, the fast path
 * takes only the exact path. Every refusal must get the same status, code, errors and headers;
 * a decision the same shape, masked. Real Kafka (the decision log's publisher); no distribution
 * (no policy is loaded: the decision is the no-policy answer).
 */
describe('the PDP fast decision path', () => {
  let app: INestApplication;
  let base: string;
  let token: string;

  beforeAll(async () => {
    process.env['EDICT_DISTRIBUTION_URL'] = 'http://127.0.0.1:9';
    process.env['EDICT_DECISION_MASK_PATHS'] = 'context.customer.ssn';
    process.env['EDICT_PDP_NAME'] = `pdp-fast-int-${process.pid}`;
    app = await bootstrapService({ name: 'pdp', rootModule: PdpModule, port: 0, host: '127.0.0.1', beforeListen: (a) => Promise.resolve(installFastDecisions(a)) });
    base = `http://127.0.0.1:${listeningPort(app)}`;
    token = await mintDevToken({ subject: 'svc-web', roles: ['platform'] });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  const send = async (path: string, sent: Sent): Promise<Answer> => {
    const headers: Record<string, string> = { 'content-type': sent.contentType ?? 'application/json', ...(sent.authorization === undefined ? {} : { authorization: sent.authorization }) };
    const response = await fetch(`${base}${path}`, { method: 'POST', headers, ...(sent.body === undefined ? {} : { body: sent.body }) });
    const text = await response.text();
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      contentType: response.headers.get('content-type'),
      wwwAuthenticate: response.headers.get('www-authenticate'),
      correlationId: response.headers.get('x-correlation-id'),
      json: JSON.parse(text) as Record<string, unknown>,
    };
  };
  const comparable = (a: Answer): unknown => {
    const { instance: _instance, correlationId: _correlationId, ...problem } = a.json;
    return { status: a.status, contentType: a.contentType, wwwAuthenticate: a.wwwAuthenticate, problem };
  };

  const question = { policyId: 'org/baseline', subject: 'agent-7', request: { agent: 'coder', action: 'repo.read', resource: 'repos/a', context: { customer: { ssn: '078-05-1120', name: 'Ada' }, db_password: 'hunter2' } } };
  const valid = JSON.stringify(question);
  const bearer = (): string => `Bearer ${token}`;

  const refusals: readonly [string, () => Promise<Sent>][] = [
    ['malformed JSON', () => Promise.resolve({ body: '{"policyId": "x', authorization: bearer() })],
    ['over 1 MiB', () => Promise.resolve({ body: JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) }), authorization: bearer() })],
    ['nested 10,000 deep', () => Promise.resolve({ body: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, authorization: bearer() })],
    ['10,001 members', () => Promise.resolve({ body: JSON.stringify(Array.from({ length: 10_001 }, (_, i) => i)), authorization: bearer() })],
    ['a number that overflows', () => Promise.resolve({ body: '{"policyId": 1e400}', authorization: bearer() })],
    ['invalid UTF-8', () => Promise.resolve({ body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), authorization: bearer() })],
    ['a charset other than UTF-8', () => Promise.resolve({ body: valid, contentType: 'application/json; charset=latin1', authorization: bearer() })],
    ['a JSON string, not an object', () => Promise.resolve({ body: '"hello"', authorization: bearer() })],
    ['no token', () => Promise.resolve({ body: valid })],
    ['another scheme', () => Promise.resolve({ body: valid, authorization: 'Basic YWxpY2U6c2VjcmV0' })],
    ['a forged token', async () => ({ body: valid, authorization: `Bearer ${await mintDevToken({ subject: 'x', roles: ['platform'], secret: 'not-the-secret-of-this-service' })}` })],
    ['an expired token', async () => ({ body: valid, authorization: `Bearer ${await mintDevToken({ subject: 'x', roles: ['platform'], ttlSeconds: -300 })}` })],
    ['a role that may not decide', async () => ({ body: valid, authorization: `Bearer ${await mintDevToken({ subject: 'x', roles: ['pdp'] })}` })],
    ['an empty body', () => Promise.resolve({ body: '', authorization: bearer() })],
    ['a missing nested field', () => Promise.resolve({ body: JSON.stringify({ ...question, request: { agent: 'a', action: 'b' } }), authorization: bearer() })],
    ['an unknown field', () => Promise.resolve({ body: JSON.stringify({ ...question, tier: 'org' }), authorization: bearer() })],
    ['not a policy id', () => Promise.resolve({ body: JSON.stringify({ ...question, policyId: 'Org/Baseline' }), authorization: bearer() })],
  ];

  it.each(refusals)('refuses %s exactly as the Nest route does', async (_what, make) => {
    const sent = await make();
    const fast = await send('/v1/decisions', sent);
    const nest = await send('/v1/decisions/', sent);
    expect(fast.status).toBeGreaterThanOrEqual(400);
    expect(fast.correlationId).toEqual(expect.any(String));
    expect(comparable(fast)).toEqual(comparable(nest));
  });

  it('answers a decision the same shape as the controller, masked, and takes the request itself', async () => {
    const fast = await send('/v1/decisions', { body: valid, authorization: bearer() });
    const nest = await send('/v1/decisions/', { body: valid, authorization: bearer() });
    expect(fast.status).toBe(200);
    expect(nest.status).toBe(200);
    expect(fast.etag).toBeNull(); // Express adds one; the fast path does not go through it
    expect(nest.etag).not.toBeNull();
    const masked = { customer: { ssn: '***', name: 'Ada' }, db_password: '***' };
    expect(fast.json['request']).toEqual({ ...question.request, context: masked });
    expect(nest.json['request']).toEqual({ ...question.request, context: masked });
    const shape = (a: Answer): unknown => ({ ...a.json, decisionId: expect.any(String), timestamp: expect.any(String), evaluationNs: expect.any(Number) });
    expect(fast.json).toEqual(shape(nest));
  });

  it('hands every other route to Nest', async () => {
    const policies = await fetch(`${base}/v1/policies`, { headers: { authorization: bearer() } });
    expect(policies.status).toBe(200);
    expect(await policies.json()).toEqual([]);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/edict_pdp_http_request_duration_seconds_count\{method="POST",route="\/v1\/decisions",status="200"\} [1-9]/);
  });
});
