import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min, MinLength, ValidateNested } from 'class-validator';
import { SignJWT } from 'jose';
import { ConflictError } from '@edict/core';
import { createLogger, currentContext, registerReadinessCheck } from '@edict/observability';
import {
  CurrentPrincipal,
  Public,
  Roles,
  bootstrapService,
  listeningPort,
  mintDevToken,
  DEFAULT_TOKEN_RULES,
  type AuthConfig,
  type Principal,
} from './index';

const SECRET = 'service-kit-int-test-secret-0123456789abcdef';
const auth: AuthConfig = { mode: 'dev', secret: SECRET, usesDefaultSecret: false, ...DEFAULT_TOKEN_RULES };

class TagDto {
  @IsString() key!: string;
}

class CreateThingDto {
  @IsString() @MinLength(1) name!: string;
  @IsInt() @Min(0) count!: number;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => TagDto) tags?: TagDto[];
}

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() dto: CreateThingDto, @CurrentPrincipal() principal: Principal) {
    return { isDto: dto instanceof CreateThingDto, name: dto.name, by: principal.subject, correlationId: currentContext()?.correlationId };
  }

  @Get('secret')
  @Roles('security', 'admin')
  secret(@CurrentPrincipal() principal: Principal) {
    return { subject: principal.subject, roles: principal.roles };
  }

  @Post('conflict')
  conflict(): never {
    throw new ConflictError('THING.TAKEN', 'The thing is taken.', { thingId: 't-1' });
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection to db-7.internal refused, password hunter2');
  }

  @Public()
  @Get('open')
  open() {
    return { open: true };
  }
}

@Module({ controllers: [ThingsController] })
class TestFeatureModule {}

describe('bootstrapService (real HTTP)', () => {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('service-kit-test', { level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  let app: INestApplication;
  let base: string;
  let author: string;

  beforeAll(async () => {
    app = await bootstrapService({ name: 'service-kit-test', rootModule: TestFeatureModule, port: 0, host: '127.0.0.1', auth, logger });
    base = `http://127.0.0.1:${listeningPort(app)}`;
    author = await mintDevToken({ subject: 'alice', roles: ['author'], secret: SECRET });
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${author}`, ...headers } });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

  async function expectProblem(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status, code, type: `urn:edict:problem:${code}` });
    expect(typeof body['title']).toBe('string');
    expect(typeof body['detail']).toBe('string');
    expect(body['correlationId']).toBe(response.headers.get('x-correlation-id'));
    return body;
  }

  describe('bodies and validation', () => {
    it('accepts a valid body as a DTO, inside the request correlation context', async () => {
      const response = await post('/things', JSON.stringify({ name: 'x', count: 2, tags: [{ key: 'k' }] }), { 'x-correlation-id': 'corr-123' });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-correlation-id')).toBe('corr-123');
      expect(await response.json()).toEqual({ isDto: true, name: 'x', by: 'alice', correlationId: 'corr-123' });
    });

    it('refuses malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
      await expectProblem(await post('/things', '{"name": "x",'), 400, 'REQUEST.MALFORMED_JSON');
    });

    it('refuses unknown fields with 400 REQUEST.INVALID naming them', async () => {
      const body = await expectProblem(await post('/things', JSON.stringify({ name: 'x', count: 1, admin: true })), 400, 'REQUEST.INVALID');
      expect(body['errors']).toEqual([{ path: 'admin', message: 'property admin should not exist' }]);
    });

    it('refuses missing fields with 400 REQUEST.INVALID, one entry per broken constraint', async () => {
      const body = await expectProblem(await post('/things', '{}'), 400, 'REQUEST.INVALID');
      const paths = (body['errors'] as { path: string }[]).map((e) => e.path);
      expect(new Set(paths)).toEqual(new Set(['name', 'count']));
    });

    it('refuses wrong types, nested ones included, with their paths', async () => {
      const response = await post('/things', JSON.stringify({ name: 5, count: 'many', tags: [{ key: 1 }] }));
      const body = await expectProblem(response, 400, 'REQUEST.INVALID');
      const errors = body['errors'] as { path: string; message: string }[];
      expect(errors).toEqual(
        expect.arrayContaining([
          { path: 'name', message: 'name must be a string' },
          { path: 'count', message: 'count must be an integer number' },
          { path: 'tags.0.key', message: 'key must be a string' },
        ]),
      );
    });

    it('refuses a body over 1 MiB with 413 REQUEST.TOO_LARGE', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024), count: 1 });
      await expectProblem(await post('/things', big), 413, 'REQUEST.TOO_LARGE');
    });

    it('refuses a body that is not JSON with 415 REQUEST.UNSUPPORTED_MEDIA_TYPE', async () => {
      const response = await post('/things', JSON.stringify({ name: 'x', count: 1 }), { 'content-type': 'text/plain' });
      await expectProblem(response, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('auth', () => {
    it('refuses a request without a token with 401 AUTH.TOKEN_MISSING', async () => {
      const response = await get('/things/secret');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="edict"');
      await expectProblem(response, 401, 'AUTH.TOKEN_MISSING');
    });

    it('refuses a token signed with another secret with 401 AUTH.TOKEN_INVALID', async () => {
      const forged = await mintDevToken({ subject: 'mallory', roles: ['admin'], secret: 'not-the-secret-of-this-service-at-all' });
      const response = await get('/things/secret', { authorization: `Bearer ${forged}` });
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      await expectProblem(response, 401, 'AUTH.TOKEN_INVALID');
    });

    it('refuses garbage and non-bearer credentials with 401 AUTH.TOKEN_INVALID', async () => {
      await expectProblem(await get('/things/secret', { authorization: 'Bearer not.a.jwt' }), 401, 'AUTH.TOKEN_INVALID');
      await expectProblem(await get('/things/secret', { authorization: 'Basic YWxpY2U6cHc=' }), 401, 'AUTH.TOKEN_INVALID');
    });

    it('refuses an expired token with 401 AUTH.TOKEN_INVALID', async () => {
      const expired = await mintDevToken({ subject: 'alice', roles: ['security'], secret: SECRET, ttlSeconds: -60 });
      const body = await expectProblem(await get('/things/secret', { authorization: `Bearer ${expired}` }), 401, 'AUTH.TOKEN_INVALID');
      expect(body['detail']).toContain('expired');
    });

    it('refuses a token of another issuer with 401 AUTH.TOKEN_INVALID', async () => {
      const token = await new SignJWT({ roles: ['security'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('alice')
        .setIssuer('someone-else')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(SECRET));
      await expectProblem(await get('/things/secret', { authorization: `Bearer ${token}` }), 401, 'AUTH.TOKEN_INVALID');
    });

    it('refuses a valid token without a required role with 403 AUTH.ROLE_REQUIRED', async () => {
      const body = await expectProblem(await get('/things/secret', { authorization: `Bearer ${author}` }), 403, 'AUTH.ROLE_REQUIRED');
      expect(body['requiredRoles']).toEqual(['security', 'admin']);
    });

    it('lets any one of the required roles through', async () => {
      const token = await mintDevToken({ subject: 'sam', roles: ['reviewer', 'admin'], secret: SECRET });
      const response = await get('/things/secret', { authorization: `Bearer ${token}` });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ subject: 'sam', roles: ['reviewer', 'admin'] });
    });

    it('lets public routes through without a token', async () => {
      const response = await get('/things/open');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ open: true });
    });
  });

  describe('errors', () => {
    it('maps an EdictError to its status, code and details', async () => {
      const body = await expectProblem(await post('/things/conflict', '{}'), 409, 'THING.TAKEN');
      expect(body).toMatchObject({ title: 'Conflict', detail: 'The thing is taken.', instance: '/things/conflict', thingId: 't-1' });
    });

    it('answers an unexpected error with 500 INTERNAL without leaking it, and logs it with the correlation id', async () => {
      const response = await get('/things/boom?secret=1', { authorization: `Bearer ${author}`, 'x-correlation-id': 'corr-boom' });
      const text = await response.clone().text();
      const body = await expectProblem(response, 500, 'INTERNAL');
      expect(text).not.toMatch(/hunter2|db-7|Error:/);
      expect(body['instance']).toBe('/things/boom');
      const logged = logs.find((line) => line['msg'] === 'request failed' && line['correlationId'] === 'corr-boom');
      expect(logged).toMatchObject({ level: 'error', code: 'INTERNAL', err: { message: expect.stringContaining('hunter2') } });
    });

    it('answers an unknown route with 404 ROUTE.NOT_FOUND', async () => {
      await expectProblem(await get('/no/such/route'), 404, 'ROUTE.NOT_FOUND');
    });
  });

  describe('health, metrics, docs, correlation', () => {
    it('serves liveness', async () => {
      const response = await get('/healthz');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('serves readiness: 200 while checks pass, 503 SERVICE.NOT_READY naming the failing ones', async () => {
      const removals = [registerReadinessCheck('store', () => Promise.resolve())];
      try {
        const ready = await get('/readyz');
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: { status: 'up' } } });

        removals.push(
          registerReadinessCheck('kafka', () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.9:9092'))),
          registerReadinessCheck('opa', () => new Promise<void>(() => undefined), { timeoutMs: 50 }),
        );
        const response = await get('/readyz');
        const text = await response.clone().text();
        const body = await expectProblem(response, 503, 'SERVICE.NOT_READY');
        expect(body['failing']).toEqual(['kafka', 'opa']);
        expect(body['checks']).toMatchObject({ store: { status: 'up' }, kafka: { status: 'down' }, opa: { status: 'timeout' } });
        expect(text).not.toContain('10.0.0.9'); // reasons go to the log only
        expect(logs.find((line) => line['msg'] === 'not ready')).toMatchObject({ errors: { kafka: expect.stringContaining('10.0.0.9') } });
      } finally {
        removals.forEach((remove) => remove());
      }
    });

    it('serves metrics with the HTTP histogram by route template', async () => {
      await get('/things/open');
      const response = await get('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toContain('# TYPE edict_service_kit_test_http_request_duration_seconds histogram');
      expect(text).toMatch(/edict_service_kit_test_http_request_duration_seconds_count\{method="GET",route="\/things\/open",status="200"\} [1-9]/);
      expect(text).toMatch(/edict_service_kit_test_http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\}/);
      expect(text).toContain('process_cpu_seconds_total');
    });

    it('serves the OpenAPI document with bearer auth, public operations exempt', async () => {
      const response = await get('/docs-json');
      expect(response.status).toBe(200);
      const document = (await response.json()) as {
        openapi: string;
        paths: Record<string, Record<string, { security?: unknown[] }>>;
        components: { securitySchemes: Record<string, unknown> };
        security: unknown[];
      };
      expect(document.openapi).toMatch(/^3\./);
      expect(document.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(document.security).toEqual([{ bearer: [] }]);
      expect(document.paths['/things']?.['post']).toBeDefined();
      expect(document.paths['/things']?.['post']?.security).toBeUndefined();
      expect(document.paths['/healthz']?.['get']?.security).toEqual([]);
      expect(document.paths['/things/open']?.['get']?.security).toEqual([]);
      const ui = await get('/docs');
      expect(ui.status).toBe(200);
      expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    });

    it('echoes x-correlation-id, and creates one when missing or malformed', async () => {
      expect((await get('/healthz', { 'x-correlation-id': 'abc-1' })).headers.get('x-correlation-id')).toBe('abc-1');
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
      expect((await get('/healthz')).headers.get('x-correlation-id')).toMatch(uuid);
      expect((await get('/healthz', { 'x-correlation-id': 'a b<script>' })).headers.get('x-correlation-id')).toMatch(uuid);
    });

    it('writes Nest’s own logs and the access log as JSON with the service name', () => {
      expect(logs.some((line) => line['context'] === 'RoutesResolver' && line['service'] === 'service-kit-test')).toBe(true);
      expect(logs.find((line) => line['msg'] === 'request handled' && line['route'] === '/things/open')).toMatchObject({ method: 'GET', status: '200' });
    });
  });
});
