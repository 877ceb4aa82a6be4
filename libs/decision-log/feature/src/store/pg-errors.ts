import { isEdictError, UnavailableError, ValidationError } from '@edict/core';

// Postgres cannot serve us now: connection exceptions (08), shutting down (57P0x), out of resources (53).
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-4]|53)/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|not queryable|connection error/i;
// Values Postgres refuses whatever we do: text jsonb cannot hold (NUL), instants it cannot read.
const REFUSED_VALUE_SQLSTATE = new Set(['22P02', '22P05', '22021', '22025', '22023', '22007', '22008']);

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/**
 * A pg error of storing a decision, in Edict's hierarchy, so the consumer does the right thing:
 * Postgres unreachable → UnavailableError (retriable: the offset is not committed and the
 * decision comes again, however long the outage); a value Postgres refuses → ValidationError
 * (a poison message, dead-lettered at once). Anything else is returned as it is: a bug, retried
 * a few times and then dead-lettered by the consumer.
 */
export function storeError(error: unknown): unknown {
  if (isEdictError(error)) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if ((code !== undefined && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) || UNAVAILABLE_MESSAGE.test(message)) {
    return new UnavailableError('DECISION_LOG.STORE_UNAVAILABLE', `the decision log cannot reach Postgres: ${message}`);
  }
  if (code !== undefined && REFUSED_VALUE_SQLSTATE.has(code)) {
    return new ValidationError('DECISION_LOG.MALFORMED_DECISION', `Postgres refused the decision: ${message}`, { sqlstate: code });
  }
  return error;
}
