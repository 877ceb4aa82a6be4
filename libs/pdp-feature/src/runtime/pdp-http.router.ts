import type { IncomingMessage, ServerResponse } from 'node:http';
import { contextFromHeaders, CORRELATION_ID_HEADER, httpRequestDuration, requestPath, runWithContext, UNMATCHED_ROUTE, type Logger, type ServiceMetrics } from '@edict/observability';
import { EdgeCodes, PROBLEM_CONTENT_TYPE, problemBody } from '@edict/service-kit/edge';
import { NotFoundError } from '@edict/core';
import { answerProblem } from '../http/problem-answer';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** One documented path: its handler per method (HEAD goes with GET, as Express does). */
export interface PathRoutes {
  readonly path: string;
  readonly methods: Readonly<Partial<Record<'GET' | 'POST', Route>>>;
}

// Probes and scrapes arrive every few seconds, decisions by the thousand: no access line at info.
const QUIET = new Set(['GET /healthz', 'GET /readyz', 'GET /metrics', 'POST /v1/decisions']);

/**
 * The PDP's HTTP router on plain node:http, answering as service-kit's Express pipeline does:
 * the correlation id on every answer, the HTTP metric by route template (`unmatched` for no
 * route), the access line (debug for probes, scrapes and decisions), 405 with `Allow` for a
 * documented path asked with another method, 404 `ROUTE.NOT_FOUND` for any other path, and
 * `fallback` (the OpenAPI document) for paths under /docs.
 */
export function pdpRouter(paths: readonly PathRoutes[], deps: { metrics: ServiceMetrics; logger: Logger; docs: Route }): (req: IncomingMessage, res: ServerResponse) => void {
  const duration = httpRequestDuration(deps.metrics);
  const byPath = new Map(paths.map((p) => [p.path, p]));
  return (req, res) => {
    const start = process.hrtime.bigint();
    const context = contextFromHeaders(req.headers);
    res.setHeader(CORRELATION_ID_HEADER, context.correlationId);
    const path = requestPath(req);
    const method = req.method ?? 'GET';
    const routes = byPath.get(path.length > 1 ? path.replace(/\/$/, '') : path);
    const route = routes?.methods[method === 'HEAD' ? 'GET' : (method as 'GET' | 'POST')];
    const template = routes && route ? routes.path : path === '/docs' || path.startsWith('/docs') ? '/docs' : UNMATCHED_ROUTE;
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const labels = { method, route: template, status: String(res.statusCode) };
      duration.observe(labels, seconds);
      const level = QUIET.has(`${method === 'HEAD' ? 'GET' : method} ${template}`) ? 'debug' : 'info';
      if (deps.logger.isLevelEnabled(level)) runWithContext(context, () => deps.logger[level]({ ...labels, durationMs: Math.round(seconds * 1000) }, 'request handled'));
    });
    runWithContext(context, () => {
      const answered = (error: unknown): void => answerProblem(req, res, error, deps.logger);
      try {
        if (route) return void Promise.resolve(route(req, res)).catch(answered);
        if (routes) return methodNotAllowed(res, routes, method, path);
        if (template === '/docs') return void Promise.resolve(deps.docs(req, res)).catch(answered);
        req.resume();
        answered(new NotFoundError(EdgeCodes.routeNotFound, 'No route matches this method and path.'));
      } catch (error) {
        answered(error);
      }
    });
  };
}

/** As service-kit's methodNotAllowedMiddleware: 405 with `Allow` (RFC 9110); HEAD goes with GET. */
function methodNotAllowed(res: ServerResponse, routes: PathRoutes, method: string, path: string): void {
  const methods = Object.keys(routes.methods);
  const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
  const body = problemBody({ code: EdgeCodes.methodNotAllowed, status: 405, detail: `${method} is not allowed here; allowed: ${allow.join(', ')}.`, instance: path });
  res.writeHead(405, { Allow: allow.join(', '), 'Content-Type': PROBLEM_CONTENT_TYPE }).end(JSON.stringify(body));
}
