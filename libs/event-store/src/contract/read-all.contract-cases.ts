import { anEvent, headPosition, uniqueCategory, uniqueStreamId } from './contract-fixtures';
import type { ContractContext } from './contract-context';

export function readAllCases(ctx: ContractContext): void {
  describe('readAll', () => {
    it('given appends to several streams, then readAll returns them in append order with consecutive positions', async () => {
      const head = await headPosition(ctx.store);
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      await ctx.store.append(a, [anEvent('A1'), anEvent('A2')], 'no_stream');
      await ctx.store.append(b, [anEvent('B1')], 'no_stream');
      await ctx.store.append(a, [anEvent('A3')], 1);

      const all = await ctx.store.readAll({ after: head });

      expect(all.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3']);
      expect(all.map((e) => e.position)).toEqual([head + 1, head + 2, head + 3, head + 4]);
    });

    it('given after and limit, then readAll returns at most limit events strictly after it', async () => {
      const head = await headPosition(ctx.store);
      await ctx.store.append(uniqueStreamId(), ['A', 'B', 'C', 'D'].map((t) => anEvent(t)), 'no_stream');

      const page = await ctx.store.readAll({ after: head + 1, limit: 2 });

      expect(page.map((e) => e.type)).toEqual(['B', 'C']);
    });

    it('given a categories filter, then readAll returns only those categories, in position order', async () => {
      const [policy, bundle, other] = [uniqueCategory('p'), uniqueCategory('b'), uniqueCategory('o')];
      const head = await headPosition(ctx.store);
      await ctx.store.append(uniqueStreamId(policy), [anEvent('P1')], 'no_stream');
      await ctx.store.append(uniqueStreamId(other), [anEvent('O1')], 'no_stream');
      await ctx.store.append(uniqueStreamId(bundle), [anEvent('B1'), anEvent('B2')], 'no_stream');
      await ctx.store.append(uniqueStreamId(policy), [anEvent('P2')], 'no_stream');

      const filtered = await ctx.store.readAll({ after: head, categories: [policy, bundle] });
      const limited = await ctx.store.readAll({ after: head, categories: [bundle], limit: 1 });

      expect(filtered.map((e) => e.type)).toEqual(['P1', 'B1', 'B2', 'P2']);
      expect(filtered.map((e) => e.position)).toEqual([...filtered.map((e) => e.position)].sort((x, y) => x - y));
      expect(limited.map((e) => e.type)).toEqual(['B1']);
    });

    it('given the position of the last event, then readAll returns []', async () => {
      await ctx.store.append(uniqueStreamId(), [anEvent('A')], 'no_stream');

      await expect(ctx.store.readAll({ after: await headPosition(ctx.store) })).resolves.toEqual([]);
    });
  });
}
