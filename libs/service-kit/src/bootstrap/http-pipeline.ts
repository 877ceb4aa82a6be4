import type { NestExpressApplication } from '@nestjs/platform-express';
import { correlationMiddleware, httpMetricsMiddleware } from '@edict/observability';
import type { Logger, ServiceMetrics } from '@edict/observability';
import { bodyParserErrorMiddleware, unsupportedMediaTypeMiddleware } from '../http/body-guards.middleware';
import { guardedBodyMiddleware } from '../http/guarded-body.middleware';
import type { JsonBodyLimits } from '../http/json-body-limits';
import { BODY_LIMIT_BYTES } from './bootstrap.options';

// Probes and scrapes arrive every few seconds; their access lines would drown the rest.
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);
// A decision point's decisions (the PDP's controller, behind its fast path): no line per decision at info.
const isQuiet = (labels: { method: string; route: string }): boolean =>
  QUIET_ROUTES.has(labels.route) || (labels.method === 'POST' && labels.route === '/v1/decisions');

/**
 * The Express middleware in front of Nest's router, in an order that matters: the correlation
 * context first (so every later log line and error carries it), then metrics and the access
 * log (so rejected requests count too), then the media-type check, the reading of the raw bytes
 * (size limit), the translation of reading failures into EdictErrors for the problem+json filter,
 * and the guarded decoding (UTF-8, JSON structure limits, finite numbers) before JSON.parse.
 */
export function installHttpPipeline(
  app: NestExpressApplication,
  deps: { metrics: ServiceMetrics; logger: Logger; textMediaTypes: readonly string[]; jsonLimits: JsonBodyLimits },
): void {
  app.disable('x-powered-by'); // no need to tell scanners what we run
  app.use(correlationMiddleware);
  app.use(
    httpMetricsMiddleware(deps.metrics, (labels, seconds) => {
      const level = isQuiet(labels) ? 'debug' : 'info';
      deps.logger[level]({ ...labels, durationMs: Math.round(seconds * 1000) }, 'request handled');
    }),
  );
  app.use(unsupportedMediaTypeMiddleware(deps.textMediaTypes));
  // Bytes first, never body-parser's json/text: those parse (recursively) and decode (replacing
  // invalid UTF-8) before any limit on the structure could apply.
  app.useBodyParser('raw', { limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json', ...deps.textMediaTypes] });
  app.use(bodyParserErrorMiddleware);
  app.use(guardedBodyMiddleware(deps.jsonLimits));
}
