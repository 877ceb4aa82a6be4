import type { NestExpressApplication } from '@nestjs/platform-express';
import { correlationMiddleware, httpMetricsMiddleware } from '@edict/observability';
import type { Logger, ServiceMetrics } from '@edict/observability';
import { bodyParserErrorMiddleware, unsupportedMediaTypeMiddleware } from '../http/body-guards.middleware';
import { BODY_LIMIT_BYTES } from './bootstrap.options';

// Probes and scrapes arrive every few seconds; their access lines would drown the rest.
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The Express middleware in front of Nest's router, in an order that matters: the correlation
 * context first (so every later log line and error carries it), then metrics and the access
 * log (so rejected requests count too), then the media-type check, the parsers, and the
 * translation of parser failures into EdictErrors for the problem+json filter.
 */
export function installHttpPipeline(
  app: NestExpressApplication,
  deps: { metrics: ServiceMetrics; logger: Logger; textMediaTypes: readonly string[] },
): void {
  app.disable('x-powered-by'); // no need to tell scanners what we run
  app.use(correlationMiddleware);
  app.use(
    httpMetricsMiddleware(deps.metrics, (labels, seconds) => {
      const level = QUIET_ROUTES.has(labels.route) ? 'debug' : 'info';
      deps.logger[level]({ ...labels, durationMs: Math.round(seconds * 1000) }, 'request handled');
    }),
  );
  app.use(unsupportedMediaTypeMiddleware(deps.textMediaTypes));
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] });
  if (deps.textMediaTypes.length > 0) app.useBodyParser('text', { limit: BODY_LIMIT_BYTES, type: [...deps.textMediaTypes] });
  app.use(bodyParserErrorMiddleware);
}
