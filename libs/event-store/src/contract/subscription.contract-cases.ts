import type { StoredEvent } from '../port/event-store.port';
import { anEvent, headPosition, rejectionOf, sleep, uniqueCategory, uniqueStreamId } from './contract-fixtures';
import type { ContractContext } from './contract-context';
import { SubscriptionCollector } from './subscription-collector';

const types = (events: readonly StoredEvent[]): string[] => events.map((e) => e.type);

export function subscriptionCases(ctx: ContractContext): void {
  describe('subscribe', () => {
    it('given events before and after it starts, then it delivers the backlog, then the tail, in order', async () => {
      const category = uniqueCategory();
      const head = await headPosition(ctx.store);
      await ctx.store.append(uniqueStreamId(category), [anEvent('Old1'), anEvent('Old2')], 'no_stream');
      const collector = new SubscriptionCollector(ctx.store, { after: head, categories: [category] });
      await collector.waitFor(2);

      await ctx.store.append(uniqueStreamId(category), [anEvent('New1')], 'no_stream');
      await ctx.store.append(uniqueStreamId(uniqueCategory()), [anEvent('OtherCategory')], 'no_stream');
      await ctx.store.append(uniqueStreamId(category), [anEvent('New2')], 'no_stream');
      await collector.waitFor(4);
      await collector.stop();

      expect(types(collector.events)).toEqual(['Old1', 'Old2', 'New1', 'New2']);
    });

    it('given a checkpoint, then a new subscription resumes after it without re-delivering', async () => {
      const category = uniqueCategory();
      const streamId = uniqueStreamId(category);
      const head = await headPosition(ctx.store);
      await ctx.store.append(streamId, [anEvent('E1'), anEvent('E2'), anEvent('E3')], 'no_stream');
      const first = new SubscriptionCollector(ctx.store, { after: head, categories: [category] });
      await first.waitFor(3);
      await first.stop();
      const checkpoint = first.events[2]!.position;

      await ctx.store.append(streamId, [anEvent('E4'), anEvent('E5')], 2);
      const second = new SubscriptionCollector(ctx.store, { after: checkpoint, categories: [category] });
      await second.waitFor(2);
      await sleep(300);
      await second.stop();

      expect(types(first.events)).toEqual(['E1', 'E2', 'E3']);
      expect(types(second.events)).toEqual(['E4', 'E5']);
    });

    it('given an onEvent in flight, then stop resolves only after it settles, and nothing is delivered after', async () => {
      const category = uniqueCategory();
      const head = await headPosition(ctx.store);
      let inFlight = false;
      const collector = new SubscriptionCollector(ctx.store, { after: head, categories: [category] }, async () => {
        inFlight = true;
        await sleep(200);
        inFlight = false;
      });
      await ctx.store.append(uniqueStreamId(category), [anEvent('Slow1'), anEvent('Slow2'), anEvent('Slow3')], 'no_stream');
      while (!inFlight) await sleep(5);

      await collector.stop();

      expect(inFlight).toBe(false);
      const delivered = collector.events.length;
      await ctx.store.append(uniqueStreamId(category), [anEvent('AfterStop')], 'no_stream');
      await sleep(400);
      expect(collector.events.length).toBe(delivered);
      await expect(collector.done).resolves.toBeUndefined();
    });

    it('given onEvent fails, then onError gets the error, done rejects with it, and delivery stops', async () => {
      const category = uniqueCategory();
      const head = await headPosition(ctx.store);
      const failure = new Error('handler failed');
      const collector = new SubscriptionCollector(ctx.store, { after: head, categories: [category] }, (event) =>
        event.type === 'Poison' ? Promise.reject(failure) : Promise.resolve(),
      );

      await ctx.store.append(uniqueStreamId(category), [anEvent('Fine'), anEvent('Poison'), anEvent('Never')], 'no_stream');

      await expect(rejectionOf(collector.done)).resolves.toBe(failure);
      expect(collector.errors).toEqual([failure]);
      expect(types(collector.events)).toEqual(['Fine']);
      await expect(collector.stop()).resolves.toBeUndefined();
    });
  });
}
