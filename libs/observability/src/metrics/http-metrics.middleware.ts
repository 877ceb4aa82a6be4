import { AsyncResource } from 'node:async_hooks';
import type { Histogram } from 'prom-client';
import type { HttpMiddleware } from '../http/http-types';
import { matchedRoute } from '../http/http-types';
import type { ServiceMetrics } from './service-metrics';

/** Route label of requests that matched no route, so that scanners cannot blow up the label set. */
export const UNMATCHED_ROUTE = 'unmatched';

type HttpLabels = 'method' | 'route' | 'status';

/** `edict_<service>_http_request_duration_seconds{method,route,status}`. */
export const httpRequestDuration = (metrics: ServiceMetrics): Histogram<HttpLabels> =>
  metrics.histogram<HttpLabels>({
    what: 'http_request_duration',
    unit: 'seconds',
    help: 'Duration of HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'],
  });

/**
 * Observes every finished request, including those rejected before a handler ran (401, 413, 404).
 * `onFinished` gets the same labels and the duration, e.g. for an access log.
 */
export function httpMetricsMiddleware(
  metrics: ServiceMetrics,
  onFinished?: (labels: Record<HttpLabels, string>, seconds: number) => void,
): HttpMiddleware {
  const histogram = httpRequestDuration(metrics);
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    // Bound to the request's context: 'finish' fires outside it, and `onFinished` may log.
    res.once('finish', AsyncResource.bind(() => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const labels = { method: req.method ?? 'UNKNOWN', route: matchedRoute(req) ?? UNMATCHED_ROUTE, status: String(res.statusCode) };
      histogram.observe(labels, seconds);
      onFinished?.(labels, seconds);
    }));
    next();
  };
}
