import { Body, Controller, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { createLogger } from '@edict/observability';
import { Public, bootstrapService, listeningPort, resolveAuthConfig } from '../index';

class EchoDto {
  @IsString() name!: string;
  @IsOptional() @IsObject() context?: Record<string, unknown>;
}

@Public()
@Controller('echo')
class EchoController {
  @Post()
  echo(@Body() dto: EchoDto): EchoDto {
    return dto;
  }

  @Post('text')
  text(@Body() body: unknown): { type: string; body: unknown } {
    return { type: typeof body, body };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

const deep = (depth: number): string => `{"name": "x", "context": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}`;

describe('request body limits (real HTTP, before anything recursive sees the body)', () => {
  const auth = resolveAuthConfig({ EDICT_DEV_JWT_SECRET: 'body-limits-int-secret-0123456789abcdef' });
  const logger = createLogger('body-limits-test', { level: 'silent' });
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await bootstrapService({ name: 'body-limits-test', rootModule: EchoModule, port: 0, host: '127.0.0.1', auth, logger, textMediaTypes: ['application/yaml'] });
    base = `http://127.0.0.1:${listeningPort(app)}`;
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (body: string | Uint8Array, contentType = 'application/json', path = '/echo') =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': contentType } });
  const problem = async (response: Response): Promise<{ status: number; code: unknown }> => {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    return { status: response.status, code: body['code'] };
  };

  it('refuses JSON nested 10,000 deep with 400 REQUEST.TOO_DEEP, and 65 deep too', async () => {
    expect(await problem(await post(deep(10_000)))).toEqual({ status: 400, code: 'REQUEST.TOO_DEEP' });
    expect(await problem(await post(`[${'['.repeat(200_000)}`))).toEqual({ status: 400, code: 'REQUEST.TOO_DEEP' });
    expect(await problem(await post(deep(64)))).toEqual({ status: 400, code: 'REQUEST.TOO_DEEP' });
  });

  it('accepts nesting up to the limit', async () => {
    const response = await post(deep(60));
    expect(response.status).toBe(201);
  });

  it('refuses a body with more than 10,000 keys and items with 413 REQUEST.TOO_MANY_MEMBERS', async () => {
    const wide = JSON.stringify({ name: 'x', context: { list: Array.from({ length: 10_001 }, (_, i) => i) } });
    expect(await problem(await post(wide))).toEqual({ status: 413, code: 'REQUEST.TOO_MANY_MEMBERS' });
    const manyKeys = JSON.stringify({ name: 'x', context: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 0])) });
    expect(await problem(await post(manyKeys))).toEqual({ status: 413, code: 'REQUEST.TOO_MANY_MEMBERS' });
  });

  it('refuses a number that overflows to Infinity with 400 REQUEST.NON_FINITE_NUMBER', async () => {
    expect(await problem(await post('{"name": "x", "context": {"limit": 1e400}}'))).toEqual({ status: 400, code: 'REQUEST.NON_FINITE_NUMBER' });
    expect(await problem(await post('{"name": "x", "context": {"limit": -1E999}}'))).toEqual({ status: 400, code: 'REQUEST.NON_FINITE_NUMBER' });
  });

  it('refuses invalid UTF-8 with 400 REQUEST.INVALID_UTF8, in JSON and in text bodies, rather than replacing it', async () => {
    const bytes = (text: string, bad: number[]) => new Uint8Array([...Buffer.from(text), ...bad, ...Buffer.from('"}')]);
    expect(await problem(await post(bytes('{"name": "', [0xff, 0xfe])))).toEqual({ status: 400, code: 'REQUEST.INVALID_UTF8' });
    expect(await problem(await post(bytes('{"name": "', [0xc3])))).toEqual({ status: 400, code: 'REQUEST.INVALID_UTF8' }); // truncated sequence
    expect(await problem(await post(bytes('{"name": "', [0xed, 0xa0, 0x80])))).toEqual({ status: 400, code: 'REQUEST.INVALID_UTF8' }); // a surrogate
    expect(await problem(await post(bytes('a: "', [0xff]), 'application/yaml', '/echo/text'))).toEqual({ status: 400, code: 'REQUEST.INVALID_UTF8' });
  });

  it('refuses a charset other than UTF-8 with 415', async () => {
    expect(await problem(await post('{"name": "x"}', 'application/json; charset=iso-8859-1'))).toEqual({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('keeps the other edge answers: malformed JSON, a scalar body, oversize', async () => {
    expect(await problem(await post('{"name": '))).toEqual({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    expect(await problem(await post('"just a string"'))).toEqual({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    expect(await problem(await post(JSON.stringify({ name: 'x'.repeat(1024 * 1024) })))).toEqual({ status: 413, code: 'REQUEST.TOO_LARGE' });
  });

  it('still serves normal requests after all of that: JSON as a value, text types as UTF-8 strings', async () => {
    const json = await post(JSON.stringify({ name: 'zoë', context: { n: 1e308 } }), 'application/json; charset=utf-8');
    expect(json.status).toBe(201);
    expect(await json.json()).toEqual({ name: 'zoë', context: { n: 1e308 } });
    const text = await post('a: "zoë"\n', 'application/yaml', '/echo/text');
    expect(await text.json()).toEqual({ type: 'string', body: 'a: "zoë"\n' });
  });
});
