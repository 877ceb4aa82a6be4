import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import type { ExpectedRevision } from '../port/event-store.port';

/**
 * Throws WrongExpectedRevisionError unless the stream's current revision (undefined when the
 * stream has no events) satisfies the caller's expectation. Adapters call it while holding their
 * serialisation point, so nothing can slip in between the check and the write.
 */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: number | undefined): void {
  const actual = current ?? 'no_stream';
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    expected === current;
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/** The revision the first appended event gets. */
export const nextRevision = (current: number | undefined): number => (current === undefined ? 0 : current + 1);
