import { ConflictError } from '@edict/core';
import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import type { ExpectedRevision } from '../port/event-store.port';
import { anEvent, headPosition, rejectionOf, uniqueStreamId } from './contract-fixtures';
import type { ContractContext } from './contract-context';

export function expectedRevisionCases(ctx: ContractContext): void {
  /** A stream with `count` events (none: a stream id nobody wrote to). */
  const aStream = async (count: number): Promise<string> => {
    const streamId = uniqueStreamId();
    if (count > 0) await ctx.store.append(streamId, Array.from({ length: count }, (_, i) => anEvent(`E${i}`)), 'no_stream');
    return streamId;
  };

  describe('expected revision', () => {
    it.each<[string, number, ExpectedRevision, number]>([
      ['no_stream on a new stream', 0, 'no_stream', 0],
      ['stream_exists on an existing stream', 2, 'stream_exists', 2],
      ['the current revision', 2, 1, 2],
      ['any on a new stream', 0, 'any', 0],
      ['any on an existing stream', 2, 'any', 2],
    ])('given %s, then the append succeeds', async (_case, existing, expected, revision) => {
      const streamId = await aStream(existing);

      const result = await ctx.store.append(streamId, [anEvent('X')], expected);

      expect(result.revision).toBe(revision);
      await expect(ctx.store.readStream(streamId)).resolves.toHaveLength(existing + 1);
    });

    it.each<[string, number, ExpectedRevision, number | 'no_stream']>([
      ['no_stream on an existing stream', 1, 'no_stream', 0],
      ['stream_exists on a new stream', 0, 'stream_exists', 'no_stream'],
      ['a stale revision', 2, 0, 1],
      ['a revision ahead of the stream', 1, 3, 0],
      ['a revision on a new stream', 0, 0, 'no_stream'],
    ])('given %s, then WrongExpectedRevisionError and nothing is written', async (_case, existing, expected, actual) => {
      const streamId = await aStream(existing);
      const head = await headPosition(ctx.store);

      const error = await rejectionOf(ctx.store.append(streamId, [anEvent('X')], expected));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({
        code: 'EVENT_STORE.WRONG_EXPECTED_REVISION',
        status: 409,
        details: { streamId, expected, actual },
      });
      await expect(ctx.store.readStream(streamId)).resolves.toHaveLength(existing);
      await expect(ctx.store.readAll({ after: head })).resolves.toEqual([]);
    });

    it('given two writers that read the same revision, then only the first append wins', async () => {
      const streamId = await aStream(1);

      const first = await ctx.store.append(streamId, [anEvent('First')], 0);
      const second = await rejectionOf(ctx.store.append(streamId, [anEvent('Second')], 0));

      expect(first.revision).toBe(1);
      expect(second).toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_REVISION', details: { actual: 1 } });
    });
  });
}
