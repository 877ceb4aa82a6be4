/** Body media types the edge parses: JSON and its `+json` relatives (e.g. `application/merge-patch+json`). */
export const isJsonMediaType = (mediaType: string): boolean => /^application\/([a-z0-9.!#$&^_-]+\+)?json$/.test(mediaType);

/** `text/plain; charset=utf-8` → `text/plain`; undefined when absent. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** Whether a request carries a body at all (the same test body-parser applies). */
export function hasBody(headers: { readonly 'content-length'?: string; readonly 'transfer-encoding'?: string }): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * Whether a request body may go on to the parsers: no body, a JSON body, or one of the extra
 * media types the service accepts (parsed as text, e.g. `application/yaml` for bundles).
 */
export function isAcceptedBody(
  headers: { readonly 'content-type'?: string; readonly 'content-length'?: string; readonly 'transfer-encoding'?: string },
  textMediaTypes: readonly string[],
): boolean {
  if (!hasBody(headers)) return true;
  const mediaType = mediaTypeOf(headers['content-type']);
  return mediaType !== undefined && (isJsonMediaType(mediaType) || textMediaTypes.includes(mediaType));
}
