import type { HttpMiddleware } from '../http/http-types';
import { CORRELATION_ID_HEADER, contextFromHeaders } from './correlation-headers';
import { runWithContext } from './correlation.context';
import { annotateActiveSpan } from '../otel/trace-hooks';

/**
 * HTTP middleware: takes `x-correlation-id` / `x-causation-id` from the request (or creates a
 * correlation id), echoes `x-correlation-id` on the response, and runs the rest of the request
 * inside that context. Register it before anything that logs or may fail, so that every log line
 * and every error response of the request carries the id.
 */
export const correlationMiddleware: HttpMiddleware = (req, res, next) => {
  const context = contextFromHeaders(req.headers);
  res.setHeader(CORRELATION_ID_HEADER, context.correlationId);
  annotateActiveSpan({ 'edict.correlation_id': context.correlationId });
  runWithContext(context, () => next());
};
