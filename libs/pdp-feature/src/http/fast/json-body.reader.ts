import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import { EdictError, PayloadTooLargeError, ValidationError } from '@edict/core';
import { BODY_LIMIT_BYTES, EdgeCodes, jsonScanRefusal, prescanJson, type JsonBodyLimits } from '@edict/service-kit/edge';

// fatal: invalid UTF-8 is refused, never silently replaced by U+FFFD
const utf8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

const charsetOf = (contentType: string | undefined): string | undefined =>
  /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();

const tooLarge = (): PayloadTooLargeError =>
  new PayloadTooLargeError(EdgeCodes.tooLarge, 'The request body is larger than this endpoint accepts.', { limitBytes: BODY_LIMIT_BYTES });

/**
 * The body as a stream of its decoded bytes: as body-parser, `gzip` and `deflate` are inflated,
 * `identity` or none passes; any other encoding is 415.
 */
function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return req;
  if (encoding !== 'gzip' && encoding !== 'deflate') {
    req.resume();
    throw new EdictError(EdgeCodes.unsupportedMediaType, `unsupported content encoding "${encoding}"`, 415);
  }
  return req.pipe(encoding === 'gzip' ? createGunzip() : createInflate());
}

/** The raw bytes, at most BODY_LIMIT_BYTES after decoding (413 `REQUEST.TOO_LARGE` past it, as body-parser's limit). */
function readBytes(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const identity = (req.headers['content-encoding'] ?? 'identity').toLowerCase() === 'identity';
  if (identity && declared > BODY_LIMIT_BYTES) {
    req.resume(); // drain, so that the refusal reaches the client
    return Promise.reject(tooLarge());
  }
  const stream = decoded(req);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    stream.on('end', () => (size > BODY_LIMIT_BYTES ? reject(tooLarge()) : resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks))));
    stream.on('error', (error) => {
      req.resume();
      reject(new ValidationError('REQUEST.MALFORMED_BODY', stream === req ? 'request aborted' : `the body cannot be decoded: ${error.message}`));
    });
  });
}

/**
 * A JSON request body read as service-kit's edge reads it (same limits, order and codes): the
 * size limit, the content encoding (gzip and deflate inflated, others 415), the charset (415),
 * UTF-8 (400 `REQUEST.INVALID_UTF8`), an object or array, then the structural pre-scan
 * (`REQUEST.TOO_DEEP`, `REQUEST.TOO_MANY_MEMBERS`, `REQUEST.NON_FINITE_NUMBER`) before
 * JSON.parse (`REQUEST.MALFORMED_JSON`). An empty body reads as `{}`, as there.
 */
export async function readJsonBody(req: IncomingMessage, limits: JsonBodyLimits): Promise<unknown> {
  const raw = await readBytes(req);
  const charset = charsetOf(req.headers['content-type']);
  if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
    throw new EdictError(EdgeCodes.unsupportedMediaType, `Unsupported charset "${charset}": request bodies are UTF-8.`, 415);
  }
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new ValidationError(EdgeCodes.invalidUtf8, 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') return {};
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw new ValidationError(EdgeCodes.malformedJson, 'The request body is not valid JSON: it must be an object or an array.');
  const finding = prescanJson(text, limits);
  if (finding) throw jsonScanRefusal(finding, limits);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError(EdgeCodes.malformedJson, `The request body is not valid JSON: ${(error as Error).message}`);
  }
}
