import { isEdictError } from '@edict/core';
import { eventStoreUnavailable, invalidEventStoreInput } from '../errors/event-store.errors';

// SQLSTATEs that mean "the server cannot serve us now": connection exceptions (class 08),
// shutdown / not yet accepting connections (57P0x), out of connections or resources (53xxx).
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-4]|53)/;
// Node socket errors, and the messages pg uses for a dropped or unreachable connection.
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|not queryable|connection error/i;
// Text that jsonb or text columns refuse (the validator catches the known cases first).
const INVALID_TEXT_SQLSTATE = new Set(['22P02', '22P05', '22021', '22025', '22023']);

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** True when the error says the database could not be reached or the connection broke. */
export function isConnectionFailure(error: unknown): boolean {
  const code = codeOf(error);
  if (code && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure);
  return error instanceof Error && UNAVAILABLE_MESSAGE.test(error.message);
}

/**
 * Translates a pg error into the store's error hierarchy: unreachable → UnavailableError
 * (retriable), text Postgres refuses → ValidationError. Anything else is returned unchanged: it
 * is a bug or an operator's doing, and must surface as it is.
 */
export function mapPgError(error: unknown, operation: string): unknown {
  if (isEdictError(error)) return error;
  if (isConnectionFailure(error)) return eventStoreUnavailable(error, operation);
  const code = codeOf(error);
  if (code && INVALID_TEXT_SQLSTATE.has(code)) {
    const invalid = invalidEventStoreInput(`Postgres refused the event: ${(error as Error).message}`, { sqlstate: code });
    invalid.cause = error;
    return invalid;
  }
  return error;
}

/** The name of the constraint a unique violation (23505) broke, if that is what the error is. */
export const uniqueViolationOf = (error: unknown): string | undefined =>
  codeOf(error) === '23505' && typeof error === 'object' && error !== null && 'constraint' in error
    ? String(error.constraint)
    : undefined;
