import { verifyChain } from '../chain/verify-chain';
import { normalizeJson } from '../validation/json-value.validator';
import { anEvent, uniqueStreamId } from './contract-fixtures';
import type { ContractContext } from './contract-context';

/** Values a JSON store may print differently (jsonb reorders keys and rewrites numbers). */
const awkwardData = {
  zKey: 'last', aKey: 'first', 'é': 'accent', '10': 'ten', '2': 'two', '': 'empty key',
  numbers: [0, -0, 1, -1.5, 0.1, 1e21, 1e-7, 5e-324, 123456789012345680000, Number.MAX_SAFE_INTEGER, 1.7976931348623157e308],
  text: 'quote " backslash \\ newline \n tab \t control \u0001 emoji 😀 CJK 漢字 rtl עברית',
  nested: { deep: [{ b: 2, a: 1 }, [], {}, null, true, false] },
  dropped: undefined,
};

export function chainCases(ctx: ContractContext): void {
  describe('hash chain', () => {
    it('given awkward JSON, then it reads back as JSON would carry it and the hashes still verify', async () => {
      const streamId = uniqueStreamId();
      const values: unknown[] = [awkwardData, null, 42, 'just a string', [3, 2, 1], true];

      const result = await ctx.store.append(streamId, values.map((data, i) => anEvent(`Awkward${i}`, data)), 'no_stream');
      const read = await ctx.store.readStream(streamId);

      expect(read.map((e) => e.data)).toEqual(values.map(normalizeJson));
      expect(read).toEqual(result.events);
      const first = read[0]!.position;
      const slice = await ctx.store.readAll({ after: first - 1, limit: read.length });
      expect(verifyChain(slice, { previousHash: read[0]!.previousHash, previousPosition: first - 1 })).toMatchObject({ ok: true, count: values.length });
    });

    it('given everything appended so far, then verifyChain over readAll from the start succeeds', async () => {
      await ctx.store.append(uniqueStreamId(), [anEvent('A'), anEvent('B')], 'no_stream');

      const all = await ctx.store.readAll({ after: 0 });

      expect(all[0]).toMatchObject({ position: 1, previousHash: '0'.repeat(64) });
      expect(verifyChain(all)).toEqual({ ok: true, count: all.length, head: all[all.length - 1]!.hash });
    });
  });
}
