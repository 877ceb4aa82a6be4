import { gzipSync } from 'node:zlib';
import { decodeOpaLogsBody } from './opa-logs-body.decoder';
import type { OpaLogsBodyLimits } from './opa-logs-body.limits';

const limits: OpaLogsBodyLimits = { maxCompressedBytes: 1024 * 1024, maxBytes: 64 * 1024, json: { maxDepth: 8, maxMembers: 100 } };
const gzipJson = { 'content-type': 'application/json', 'content-encoding': 'gzip' };

describe('decodeOpaLogsBody', () => {
  it('gunzips and parses a batch, and reads an uncompressed one', () => {
    expect(decodeOpaLogsBody(gzipSync('[{"decision_id":"a"}]'), gzipJson, limits)).toEqual([{ decision_id: 'a' }]);
    expect(decodeOpaLogsBody(Buffer.from('[]'), { 'content-type': 'application/json; charset=utf-8' }, limits)).toEqual([]);
  });

  it('stops a gzip bomb at the decompressed limit: 413 REQUEST.TOO_LARGE', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, ' '));
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect(() => decodeOpaLogsBody(bomb, gzipJson, limits)).toThrow(expect.objectContaining({ status: 413, code: 'REQUEST.TOO_LARGE' }));
  });

  it('refuses bad gzip, invalid UTF-8, malformed JSON, too many members, other media types and encodings', () => {
    const cases: [Buffer, Record<string, string>, number, string][] = [
      [Buffer.from('not gzip'), gzipJson, 400, 'OPA_LOGS.GZIP_INVALID'],
      [gzipSync(Buffer.from([0x5b, 0xff, 0x5d])), gzipJson, 400, 'REQUEST.INVALID_UTF8'],
      [gzipSync('[{"a":'), gzipJson, 400, 'REQUEST.MALFORMED_JSON'],
      [gzipSync(JSON.stringify(Array.from({ length: 200 }, (_, i) => i))), gzipJson, 413, 'REQUEST.TOO_MANY_MEMBERS'],
      [gzipSync('[]'), { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
      [gzipSync('[]'), { 'content-type': 'application/json', 'content-encoding': 'br' }, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [raw, headers, status, code] of cases) {
      expect(() => decodeOpaLogsBody(raw, headers, limits)).toThrow(expect.objectContaining({ status, code }));
    }
  });
});
