import { gzipSync } from 'node:zlib';
import { mintDevToken } from '@edict/service-kit/edge';
import { startPdpRuntime, type PdpRuntime } from './pdp-runtime';

interface Sent {
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
  readonly authorization?: string;
  readonly encoding?: string;
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
 * The lean runtime's HTTP face (node:http, no Nest) answers as service-kit's Express pipeline and
 * the Nest controller did: every refusal with the status, code and headers the edge gave (the
 * bad-input e2e's table), gzip bodies inflated, other media types and encodings 415, `?explain`
 * checked, 405 with Allow on a documented path, 404 elsewhere, /healthz, /readyz, /metrics, the
 * OpenAPI document from the controller. Real Kafka (the decision log's publisher); no
 * distribution (no policy is loaded: the decision is the no-policy answer).
 */
describe('the PDP lean runtime over HTTP', () => {
  let app: PdpRuntime;
  let base: string;
  let token: string;

  beforeAll(async () => {
    process.env['EDICT_DISTRIBUTION_URL'] = 'http://127.0.0.1:9';
    process.env['EDICT_DECISION_MASK_PATHS'] = 'context.customer.ssn';
    process.env['EDICT_PDP_NAME'] = `pdp-fast-int-${process.pid}`;
    app = await startPdpRuntime({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${app.port}`;
    token = await mintDevToken({ subject: 'svc-web', roles: ['platform'] });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  }, 30_000);

  const send = async (path: string, sent: Sent): Promise<Answer> => {
    const headers: Record<string, string> = {
      'content-type': sent.contentType ?? 'application/json',
      ...(sent.authorization === undefined ? {} : { authorization: sent.authorization }),
      ...(sent.encoding === undefined ? {} : { 'content-encoding': sent.encoding }),
    };
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

  const question = { policyId: 'org/baseline', subject: 'agent-7', request: { agent: 'coder', action: 'repo.read', resource: 'repos/a', context: { customer: { ssn: '078-05-1120', name: 'Ada' }, db_password: 'hunter2' } } };
  const valid = JSON.stringify(question);
  const bearer = (): string => `Bearer ${token}`;

  const PROBLEM = 'application/problem+json; charset=utf-8';
  const refusals: readonly [string, () => Promise<Sent>, number, string][] = [
    ['malformed JSON', () => Promise.resolve({ body: '{"policyId": "x', authorization: bearer() }), 400, 'REQUEST.MALFORMED_JSON'],
    ['over 1 MiB', () => Promise.resolve({ body: JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) }), authorization: bearer() }), 413, 'REQUEST.TOO_LARGE'],
    ['over 1 MiB once inflated', () => Promise.resolve({ body: gzipSync(JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) })), encoding: 'gzip', authorization: bearer() }), 413, 'REQUEST.TOO_LARGE'],
    ['nested 10,000 deep', () => Promise.resolve({ body: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, authorization: bearer() }), 400, 'REQUEST.TOO_DEEP'],
    ['10,001 members', () => Promise.resolve({ body: JSON.stringify(Array.from({ length: 10_001 }, (_, i) => i)), authorization: bearer() }), 413, 'REQUEST.TOO_MANY_MEMBERS'],
    ['a number that overflows', () => Promise.resolve({ body: '{"policyId": 1e400}', authorization: bearer() }), 400, 'REQUEST.NON_FINITE_NUMBER'],
    ['invalid UTF-8', () => Promise.resolve({ body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), authorization: bearer() }), 400, 'REQUEST.INVALID_UTF8'],
    ['a charset other than UTF-8', () => Promise.resolve({ body: valid, contentType: 'application/json; charset=latin1', authorization: bearer() }), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    ['a body that is not JSON (text/plain)', () => Promise.resolve({ body: valid, contentType: 'text/plain', authorization: bearer() }), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    ['a content encoding it does not read (br)', () => Promise.resolve({ body: valid, encoding: 'br', authorization: bearer() }), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    ['a gzip body that is not gzip', () => Promise.resolve({ body: valid, encoding: 'gzip', authorization: bearer() }), 400, 'REQUEST.MALFORMED_BODY'],
    ['a JSON string, not an object', () => Promise.resolve({ body: '"hello"', authorization: bearer() }), 400, 'REQUEST.MALFORMED_JSON'],
    ['no token', () => Promise.resolve({ body: valid }), 401, 'AUTH.TOKEN_MISSING'],
    ['another scheme', () => Promise.resolve({ body: valid, authorization: 'Basic YWxpY2U6c2VjcmV0' }), 401, 'AUTH.TOKEN_INVALID'],
    ['a forged token', async () => ({ body: valid, authorization: `Bearer ${await mintDevToken({ subject: 'x', roles: ['platform'], secret: 'not-the-secret-of-this-service' })}` }), 401, 'AUTH.TOKEN_INVALID'],
    ['an expired token', async () => ({ body: valid, authorization: `Bearer ${await mintDevToken({ subject: 'x', roles: ['platform'], ttlSeconds: -300 })}` }), 401, 'AUTH.TOKEN_INVALID'],
    ['a role that may not decide', async () => ({ body: valid, authorization: `Bearer ${await mintDevToken({ subject: 'x', roles: ['pdp'] })}` }), 403, 'AUTH.ROLE_REQUIRED'],
    ['an empty body', () => Promise.resolve({ body: '', authorization: bearer() }), 400, 'REQUEST.INVALID'],
    ['a missing nested field', () => Promise.resolve({ body: JSON.stringify({ ...question, request: { agent: 'a', action: 'b' } }), authorization: bearer() }), 400, 'REQUEST.INVALID'],
    ['an unknown field', () => Promise.resolve({ body: JSON.stringify({ ...question, tier: 'org' }), authorization: bearer() }), 400, 'REQUEST.INVALID'],
    ['not a policy id', () => Promise.resolve({ body: JSON.stringify({ ...question, policyId: 'Org/Baseline' }), authorization: bearer() }), 400, 'BUNDLE.POLICY_ID_INVALID'],
  ];

  it.each(refusals)('refuses %s with problem+json as the edge does', async (_what, make, status, code) => {
    const answer = await send('/v1/decisions', await make());
    expect({ status: answer.status, code: answer.json['code'], contentType: answer.contentType }).toEqual({ status, code, contentType: PROBLEM });
    expect(answer.json).toMatchObject({ status, type: `urn:edict:problem:${code}`, instance: '/v1/decisions', correlationId: answer.correlationId });
    if (status === 401) expect(answer.wwwAuthenticate).toBe(code === 'AUTH.TOKEN_INVALID' ? 'Bearer realm="edict", error="invalid_token"' : 'Bearer realm="edict"');
  });

  it('names every invalid field as the validation pipe did', async () => {
    const answer = await send('/v1/decisions', { body: JSON.stringify({ ...question, tier: 'org', request: { agent: 42, action: 'b', resource: 'c' } }), authorization: bearer() });
    expect(answer.json['errors']).toEqual(expect.arrayContaining([{ path: 'tier', message: 'is not allowed' }, { path: 'request.agent', message: 'must be string' }]));
  });

  it('answers a decision, masked, from a plain body, a gzip body and a deflate body alike, and ?explain=full or 400 for another value', async () => {
    const masked = { customer: { ssn: '***', name: 'Ada' }, db_password: '***' };
    const { deflateSync } = await import('node:zlib');
    for (const sent of [{ body: valid }, { body: gzipSync(valid), encoding: 'gzip' }, { body: deflateSync(valid), encoding: 'deflate' }]) {
      const answer = await send('/v1/decisions', { ...sent, authorization: bearer() });
      expect(answer.status).toBe(200);
      expect(answer.json['request']).toEqual({ ...question.request, context: masked });
      expect(answer.json).toMatchObject({ policyId: 'org/baseline', subject: 'agent-7', decisionId: expect.any(String), result: { effect: expect.any(String) } });
    }
    const explained = await send('/v1/decisions?explain=full', { body: valid, authorization: bearer() });
    expect(explained.status).toBe(200);
    expect(explained.json['explanation']).toEqual(expect.any(Object));
    const wrong = await send('/v1/decisions?explain=verbose', { body: valid, authorization: bearer() });
    expect({ status: wrong.status, code: wrong.json['code'] }).toEqual({ status: 400, code: 'PDP.EXPLAIN_INVALID' });
  });

  it('serves /v1/policies behind the same roles, /healthz, /readyz, /metrics, 405 on a documented path and 404 elsewhere', async () => {
    const policies = await fetch(`${base}/v1/policies`, { headers: { authorization: bearer() } });
    expect(policies.status).toBe(200);
    expect(await policies.json()).toEqual([]);
    const refused = await fetch(`${base}/v1/policies`, { headers: { authorization: `Bearer ${await mintDevToken({ subject: 'x', roles: ['pdp'] })}` } });
    expect(refused.status).toBe(403);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    // no distribution answers here: not ready, for that reason only
    const ready = await fetch(`${base}/readyz`);
    const report = (await ready.json()) as { code: string; failing: string[]; checks: object };
    expect({ status: ready.status, code: report.code, failing: report.failing }).toEqual({ status: 503, code: 'SERVICE.NOT_READY', failing: ['bundles'] });
    expect(Object.keys(report.checks).sort()).toEqual(['bundles', 'decision-log', 'kafka', 'kafka-publisher', 'trust']);
    const notAllowed = await fetch(`${base}/v1/decisions`);
    expect({ status: notAllowed.status, allow: notAllowed.headers.get('allow') }).toEqual({ status: 405, allow: 'POST' });
    expect(((await notAllowed.json()) as { code: string }).code).toBe('REQUEST.METHOD_NOT_ALLOWED');
    const postPolicies = await fetch(`${base}/v1/policies`, { method: 'POST' });
    expect({ status: postPolicies.status, allow: postPolicies.headers.get('allow') }).toEqual({ status: 405, allow: 'GET, HEAD' });
    const missing = await fetch(`${base}/v1/nothing-here`);
    expect({ status: missing.status, code: ((await missing.json()) as { code: string }).code }).toEqual({ status: 404, code: 'ROUTE.NOT_FOUND' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/edict_pdp_http_request_duration_seconds_count\{method="POST",route="\/v1\/decisions",status="200"\} [1-9]/);
    expect(metrics).toMatch(/edict_pdp_http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} [1-9]/);
  });

  it('serves the OpenAPI document generated from the controller, whose paths and methods are the ones the router answers', async () => {
    const answer = await fetch(`${base}/docs-json`);
    expect(answer.status).toBe(200);
    const document = (await answer.json()) as { info: { title: string }; paths: Record<string, Record<string, unknown>> };
    expect(document.info.title).toBe('Edict pdp');
    const methods = Object.fromEntries(Object.entries(document.paths).map(([path, item]) => [path, Object.keys(item).sort()]));
    expect(methods).toEqual({ '/healthz': ['get'], '/readyz': ['get'], '/metrics': ['get'], '/v1/decisions': ['post'], '/v1/policies': ['get'] });
    expect(document.paths['/v1/decisions']?.['post']).toMatchObject({ requestBody: expect.any(Object) });
  });
});
