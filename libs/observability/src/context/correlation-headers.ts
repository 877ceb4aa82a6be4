import { randomUUID } from 'node:crypto';
import type { CorrelationContext } from './correlation.context';

/** Request header carrying the correlation id; echoed on every response. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** Request header carrying the id of what caused this request (e.g. an upstream event). */
export const CAUSATION_ID_HEADER = 'x-causation-id';

// Ids end up in logs, events and response headers, so a client may not smuggle newlines,
// markup or megabytes into them: anything else is replaced by a fresh id.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type HeaderValue = string | readonly string[] | undefined;

const acceptable = (value: HeaderValue): string | undefined => {
  const single = typeof value === 'string' ? value : value?.[0];
  return typeof single === 'string' && ACCEPTABLE_ID.test(single) ? single : undefined;
};

/**
 * The correlation context for an incoming request: the client's ids when they are well formed,
 * otherwise a new correlation id (and no causation id).
 */
export function contextFromHeaders(headers: Readonly<Record<string, HeaderValue>>): CorrelationContext {
  const causationId = acceptable(headers[CAUSATION_ID_HEADER]);
  return {
    correlationId: acceptable(headers[CORRELATION_ID_HEADER]) ?? randomUUID(),
    ...(causationId === undefined ? {} : { causationId }),
  };
}
