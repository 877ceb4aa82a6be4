import { ConflictError } from '@edict/core';
import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import type { ExpectedRevision } from '../port/event-store.port';
import { checkExpectedRevision } from './expected-revision';

describe('checkExpectedRevision', () => {
  it.each<[ExpectedRevision, number | undefined]>([
    ['any', undefined],
    ['any', 3],
    ['no_stream', undefined],
    ['stream_exists', 0],
    [3, 3],
  ])('given expected %p and current %p, then it passes', (expected, current) => {
    expect(() => checkExpectedRevision('s-1', expected, current)).not.toThrow();
  });

  it.each<[ExpectedRevision, number | undefined, number | 'no_stream']>([
    ['no_stream', 0, 0],
    ['stream_exists', undefined, 'no_stream'],
    [2, 3, 3],
    [0, undefined, 'no_stream'],
  ])('given expected %p and current %p, then it throws with actual %p', (expected, current, actual) => {
    let thrown: unknown;
    try {
      checkExpectedRevision('s-1', expected, current);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(WrongExpectedRevisionError);
    expect(thrown).toBeInstanceOf(ConflictError);
    expect(thrown).toMatchObject({
      code: 'EVENT_STORE.WRONG_EXPECTED_REVISION',
      status: 409,
      details: { streamId: 's-1', expected, actual },
    });
  });
});
