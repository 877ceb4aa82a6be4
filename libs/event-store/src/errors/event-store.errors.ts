import { ConflictError, UnavailableError, ValidationError } from '@edict/core';
import { EVENT_STORE_ERROR_CODES } from './event-store-error-codes';

/** 503 `EVENT_STORE.UNAVAILABLE`: the store cannot be reached; `cause` keeps the driver's error. */
export const eventStoreUnavailable = (cause: unknown, operation: string): UnavailableError => {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = new UnavailableError(
    EVENT_STORE_ERROR_CODES.unavailable,
    `event store unavailable during ${operation}: ${reason}`,
    { operation, reason },
  );
  error.cause = cause;
  return error;
};

/** 400 `EVENT_STORE.INVALID_INPUT`: an empty event list, an empty stream id, non-JSON data… */
export const invalidEventStoreInput = (
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ValidationError => new ValidationError(EVENT_STORE_ERROR_CODES.invalidInput, message, details);

/** 409 `EVENT_STORE.DUPLICATE_EVENT_ID`: an event with this id is already in the store. */
export const duplicateEventId = (streamId: string, cause: unknown): ConflictError => {
  const error = new ConflictError(
    EVENT_STORE_ERROR_CODES.duplicateEventId,
    `stream ${streamId}: an event with one of these ids is already stored`,
    { streamId },
  );
  error.cause = cause;
  return error;
};
