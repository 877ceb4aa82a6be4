import type * as OtelApi from '@opentelemetry/api';
import type { TraceHooks } from './trace-hooks';

/** The TraceHooks over the OpenTelemetry API (loaded by startTelemetry, never imported at startup). */
export function otelTraceHooks(api: typeof OtelApi, tracerName: string): TraceHooks {
  const tracer = api.trace.getTracer(tracerName);
  const carrierOf = (ctx: OtelApi.Context): Record<string, string> => {
    const carrier: Record<string, string> = {};
    api.propagation.inject(ctx, carrier);
    return carrier;
  };
  return {
    activeTraceparent: () => (api.trace.getSpan(api.context.active()) ? carrierOf(api.context.active())['traceparent'] : undefined),
    inSpan: (name, parent, attributes, fn) => {
      // a stored or received parent wins over whatever context the caller happens to run in
      const parentContext = parent === undefined ? api.context.active() : api.propagation.extract(api.ROOT_CONTEXT, { traceparent: parent });
      return tracer.startActiveSpan(name, { attributes }, parentContext, async (span) => {
        try {
          return await fn();
        } catch (error) {
          span.recordException(error instanceof Error ? error : String(error));
          span.setStatus({ code: api.SpanStatusCode.ERROR, message: String(error) });
          throw error;
        } finally {
          span.end();
        }
      });
    },
    annotate: (attributes) => api.trace.getSpan(api.context.active())?.setAttributes(attributes),
    inject: (headers) => Object.assign(headers, carrierOf(api.context.active())),
  };
}
