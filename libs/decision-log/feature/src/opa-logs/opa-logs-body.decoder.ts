import { gunzipSync } from 'node:zlib';
import { EdictError, PayloadTooLargeError, ValidationError } from '@edict/core';
import { EdgeCodes, mediaTypeOf, prescanJson } from '@edict/service-kit';
import type { OpaLogsBodyLimits } from './opa-logs-body.limits';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const tooLarge = (limitBytes: number, what: string): PayloadTooLargeError =>
  new PayloadTooLargeError(EdgeCodes.tooLarge, `The decision-log batch is larger than ${limitBytes} bytes ${what}.`, { limitBytes });

function inflate(raw: Buffer, encoding: string, maxBytes: number): Buffer {
  if (encoding === 'identity') {
    if (raw.length > maxBytes) throw tooLarge(maxBytes, 'decompressed');
    return raw;
  }
  if (encoding !== 'gzip') throw new EdictError(EdgeCodes.unsupportedMediaType, `Content-Encoding "${encoding}" is not supported: OPA sends gzip.`, 415);
  try {
    // maxOutputLength: zlib stops at the limit, so a gzip bomb never grows past it in memory
    return gunzipSync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes, 'decompressed');
    throw new ValidationError('OPA_LOGS.GZIP_INVALID', `The body is not valid gzip: ${(error as Error).message}`);
  }
}

/**
 * The bytes of `POST /opa/logs` to a JSON value: gunzip under `maxBytes`, UTF-8 only, the
 * structure pre-scanned (depth, members, finite numbers) before JSON.parse, as the edge does for
 * every other body, with the route's own limits.
 */
export function decodeOpaLogsBody(raw: Buffer, headers: { readonly 'content-type'?: string; readonly 'content-encoding'?: string }, limits: OpaLogsBodyLimits): unknown {
  const mediaType = mediaTypeOf(headers['content-type']);
  if (mediaType !== 'application/json') throw new EdictError(EdgeCodes.unsupportedMediaType, 'The body must be application/json (gzip), as OPA sends it.', 415, false, { accepted: ['application/json'] });
  const bytes = inflate(raw, (headers['content-encoding'] ?? 'identity').trim().toLowerCase(), limits.maxBytes);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ValidationError(EdgeCodes.invalidUtf8, 'The request body is not valid UTF-8.');
  }
  const finding = prescanJson(text, limits.json);
  if (finding?.kind === 'too-many-members') throw new PayloadTooLargeError(EdgeCodes.tooManyMembers, `The batch has more than ${limits.json.maxMembers} keys and items.`, { maxMembers: limits.json.maxMembers });
  if (finding?.kind === 'too-deep') throw new ValidationError(EdgeCodes.tooDeep, `The batch nests deeper than ${limits.json.maxDepth} levels.`, { maxDepth: limits.json.maxDepth });
  if (finding) throw new ValidationError(EdgeCodes.nonFiniteNumber, `The number ${finding.literal} is out of range (it is not a finite double).`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError(EdgeCodes.malformedJson, `The request body is not valid JSON: ${(error as Error).message}`);
  }
}
