import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The part of an Express request this lib reads. Typed over Node's own request so that the
 * lib does not need Express's type definitions; Express adds `originalUrl`, `baseUrl` and,
 * once a route matched, `route`.
 */
export interface HttpRequest extends IncomingMessage {
  readonly originalUrl?: string;
  readonly baseUrl?: string;
  readonly route?: { readonly path?: unknown };
}

export type HttpResponse = ServerResponse;

/** A Connect/Express middleware. */
export type HttpMiddleware = (req: HttpRequest, res: HttpResponse, next: (error?: unknown) => void) => void;

/**
 * The route template that matched (`/bundles/:id`), or undefined when no route matched. Used as
 * a metric label instead of the raw path, whose ids would make the label set unbounded.
 */
export function matchedRoute(req: HttpRequest): string | undefined {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : undefined;
}

/** The request path without its query string (which may carry values that do not belong in logs). */
export function requestPath(req: HttpRequest): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
