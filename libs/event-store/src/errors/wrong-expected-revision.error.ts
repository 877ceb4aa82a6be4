import { ConflictError } from '@edict/core';
import type { ExpectedRevision } from '../port/event-store.port';
import { EVENT_STORE_ERROR_CODES } from './event-store-error-codes';

/** What a stream's revision actually was: the revision of its last event, or `no_stream`. */
export type ActualRevision = number | 'no_stream';

/**
 * 409: the stream is not at the revision the caller expected; another writer got in first.
 * Not retriable as such: re-read the stream, decide again, append with the new revision.
 */
export class WrongExpectedRevisionError extends ConflictError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(
      EVENT_STORE_ERROR_CODES.wrongExpectedRevision,
      `stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`,
      { streamId, expected, actual },
    );
  }
}
