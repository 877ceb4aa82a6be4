import { fromBodyParserError } from './body-parser-error';
import { hasBody, isAcceptedBody, isJsonMediaType, mediaTypeOf } from './media-type';

const parserError = (type: string, status: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`failed: ${type}`), { type, status, ...extra });

describe('fromBodyParserError', () => {
  it('maps body-parser failures to the edge codes', () => {
    expect(fromBodyParserError(parserError('entity.parse.failed', 400))).toMatchObject({ code: 'REQUEST.MALFORMED_JSON', status: 400 });
    expect(fromBodyParserError(parserError('entity.too.large', 413, { limit: 1048576 }))).toMatchObject({
      code: 'REQUEST.TOO_LARGE',
      status: 413,
      details: { limitBytes: 1048576 },
    });
    expect(fromBodyParserError(parserError('charset.unsupported', 415))).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', status: 415 });
    expect(fromBodyParserError(parserError('request.size.invalid', 400))).toMatchObject({ code: 'REQUEST.MALFORMED_BODY', status: 400 });
  });

  it('leaves everything else alone', () => {
    expect(fromBodyParserError(new Error('x'))).toBeUndefined();
    expect(fromBodyParserError({ type: 'entity.too.large', status: 413 })).toBeUndefined();
    expect(fromBodyParserError(parserError('stream.not.readable', 500))).toBeUndefined();
  });
});

describe('media types', () => {
  it('recognises JSON and +json', () => {
    expect(['application/json', 'application/merge-patch+json', 'application/problem+json'].every(isJsonMediaType)).toBe(true);
    expect(['text/plain', 'application/jsonp', 'application/json-seq', 'text/json'].some(isJsonMediaType)).toBe(false);
  });

  it('reads the media type without parameters', () => {
    expect(mediaTypeOf('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaTypeOf(undefined)).toBeUndefined();
  });

  it('knows whether there is a body', () => {
    expect(hasBody({})).toBe(false);
    expect(hasBody({ 'content-length': '0' })).toBe(false);
    expect(hasBody({ 'content-length': '12' })).toBe(true);
    expect(hasBody({ 'transfer-encoding': 'chunked' })).toBe(true);
  });

  it('accepts no body, JSON, and the configured text types only', () => {
    expect(isAcceptedBody({}, [])).toBe(true);
    expect(isAcceptedBody({ 'content-length': '2', 'content-type': 'application/json' }, [])).toBe(true);
    expect(isAcceptedBody({ 'content-length': '2', 'content-type': 'text/plain' }, [])).toBe(false);
    expect(isAcceptedBody({ 'content-length': '2' }, [])).toBe(false);
    expect(isAcceptedBody({ 'content-length': '2', 'content-type': 'application/yaml' }, ['application/yaml'])).toBe(true);
  });
});
