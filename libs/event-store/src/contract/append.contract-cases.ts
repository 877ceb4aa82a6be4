import { ValidationError } from '@edict/core';
import { anEvent, headPosition, rejectionOf, uniqueStreamId } from './contract-fixtures';
import type { ContractContext } from './contract-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX64 = /^[0-9a-f]{64}$/;

export function appendCases(ctx: ContractContext): void {
  describe('append and read back', () => {
    it('given a new stream, when two events are appended, then readStream returns them as appended', async () => {
      const streamId = uniqueStreamId();
      const eventId = '7d0c7f52-8a57-4c2e-9d0b-2a51f1d1e001';

      const result = await ctx.store.append(
        streamId,
        [{ eventId, type: 'BundleDrafted', data: { version: '1.0.0' }, metadata: { correlationId: 'c-1' } }, { type: 'BundleSubmitted', data: { by: 'alice' } }],
        'no_stream',
      );
      const read = await ctx.store.readStream(streamId);

      expect(read).toEqual(result.events);
      expect(result).toMatchObject({ revision: 1, position: read[1]!.position });
      expect(read[0]).toMatchObject({ eventId, streamId, revision: 0, type: 'BundleDrafted', data: { version: '1.0.0' }, metadata: { correlationId: 'c-1' } });
      expect(read[1]).toMatchObject({ streamId, revision: 1, position: read[0]!.position + 1, type: 'BundleSubmitted', metadata: {} });
      expect(read[1]!.eventId).toMatch(UUID);
      for (const event of read) {
        expect(event.hash).toMatch(HEX64);
        expect(event.previousHash).toMatch(HEX64);
        expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
      }
      expect(read[1]!.previousHash).toBe(read[0]!.hash);
    });

    it('given an existing stream, when readStream is given fromRevision, then it starts there', async () => {
      const streamId = uniqueStreamId();
      await ctx.store.append(streamId, [anEvent('A'), anEvent('B'), anEvent('C')], 'no_stream');

      const read = await ctx.store.readStream(streamId, { fromRevision: 1 });

      expect(read.map((e) => e.type)).toEqual(['B', 'C']);
    });

    it('given an unknown stream, then readStream returns []', async () => {
      await expect(ctx.store.readStream(uniqueStreamId())).resolves.toEqual([]);
    });

    it.each<[string, () => [string, unknown[]]]>([
      ['an empty event list', () => [uniqueStreamId(), []]],
      ['an empty stream id', () => ['', [anEvent('A')]]],
      ['non-JSON data', () => [uniqueStreamId(), [anEvent('A', { n: Number.NaN })]]],
      ['a function as data', () => [uniqueStreamId(), [anEvent('A', () => 1)]]],
      ['a Date in the data', () => [uniqueStreamId(), [anEvent('A', { at: new Date() })]]],
    ])('given %s, then append throws EVENT_STORE.INVALID_INPUT and writes nothing', async (_what, input) => {
      const [streamId, events] = input();
      const head = await headPosition(ctx.store);

      const error = await rejectionOf(ctx.store.append(streamId, events as never, 'any'));

      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'EVENT_STORE.INVALID_INPUT', status: 400 });
      await expect(ctx.store.readAll({ after: head })).resolves.toEqual([]);
    });

    it('then ping resolves', async () => {
      await expect(ctx.store.ping()).resolves.toBeUndefined();
    });
  });
}
