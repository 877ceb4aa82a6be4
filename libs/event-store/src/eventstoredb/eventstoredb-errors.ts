import {
  CancelledError, DeadlineExceededError, NotLeaderError, TimeoutError, UnavailableError, UnknownError,
} from '@eventstore/db-client';
import { isEdictError } from '@edict/core';
import { eventStoreUnavailable } from '../errors/event-store.errors';

/**
 * Translates an ESDB client error: not reachable, timed out, not the leader, or cut off →
 * UnavailableError (retriable). Anything else is returned unchanged, to surface as it is.
 */
export function mapEsdbError(error: unknown, operation: string): unknown {
  if (isEdictError(error)) return error;
  const unavailable =
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError ||
    // The client reports some transport failures (e.g. DNS, refused connections) as UnknownError.
    (error instanceof UnknownError && /UNAVAILABLE|ECONNREFUSED|connect|Failed to discover/i.test(error.message));
  return unavailable ? eventStoreUnavailable(error, operation) : error;
}
