import { EdictError, ValidationError } from '@edict/core';
import type { HttpRequest, HttpResponse } from '@edict/observability';
import { EdgeCodes } from '../problem/problem-codes';
import type { JsonBodyLimits } from './json-body-limits';
import { prescanJson } from './json-prescan';
import { jsonScanRefusal } from './json-scan-refusal';
import { isJsonMediaType, mediaTypeOf } from './media-type';

type BodyRequest = HttpRequest & { body?: unknown };

// fatal: invalid UTF-8 is refused, never silently replaced by U+FFFD
const utf8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

const charsetOf = (contentType: string | undefined): string | undefined =>
  /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();

/** JSON text to a value, or the edge's refusal; the pre-scan runs before JSON.parse recurses. */
function parseJsonBody(text: string, limits: JsonBodyLimits): unknown {
  if (text.trim() === '') return {}; // as body-parser: an empty JSON body is a common client slip
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

/**
 * Turns the raw body bytes (read by body-parser's `raw` parser under the size limit) into what
 * handlers get: a JSON value for JSON media types, a string for the accepted text types. Refuses
 * a charset other than UTF-8 (415), invalid UTF-8 (400 `REQUEST.INVALID_UTF8`), and JSON over
 * the structural limits or with numbers that overflow (`REQUEST.TOO_DEEP`,
 * `REQUEST.TOO_MANY_MEMBERS`, `REQUEST.NON_FINITE_NUMBER`), before anything recursive sees it.
 */
export const guardedBodyMiddleware =
  (limits: JsonBodyLimits) =>
  (req: BodyRequest, _res: HttpResponse, next: (error?: unknown) => void): void => {
    const raw = req.body;
    if (!Buffer.isBuffer(raw)) return next();
    try {
      const contentType = req.headers['content-type'];
      const charset = charsetOf(contentType);
      if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
        throw new EdictError(EdgeCodes.unsupportedMediaType, `Unsupported charset "${charset}": request bodies are UTF-8.`, 415);
      }
      let text: string;
      try {
        text = utf8.decode(raw);
      } catch {
        throw new ValidationError(EdgeCodes.invalidUtf8, 'The request body is not valid UTF-8.');
      }
      const mediaType = mediaTypeOf(contentType);
      req.body = mediaType !== undefined && isJsonMediaType(mediaType) ? parseJsonBody(text, limits) : text;
      next();
    } catch (error) {
      next(error);
    }
  };
