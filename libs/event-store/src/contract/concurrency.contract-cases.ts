import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import type { EventStore, ExpectedRevision } from '../port/event-store.port';
import { anEvent, headPosition, range, uniqueCategory } from './contract-fixtures';
import type { ContractContext } from './contract-context';
import { SubscriptionCollector } from './subscription-collector';

const WRITERS = 20;
const EVENTS_PER_WRITER = 25;
const STREAMS = 5;
const BATCHES = [1, 2, 3, 4, 5, 4, 3, 2, 1]; // 25 events per writer, in appends of 1 to 5

/**
 * One writer: appends its events in batches. Three in four writers use optimistic concurrency
 * (re-trying with the actual revision after a conflict); every fourth uses `any`.
 */
async function write(store: EventStore, streamId: string, writer: number): Promise<void> {
  let expected: ExpectedRevision = writer % 4 === 3 ? 'any' : 'no_stream';
  let seq = 0;
  for (const size of BATCHES) {
    const events = range(size).map((i) => anEvent('Written', { writer, seq: seq + i }));
    for (;;) {
      try {
        const result = await store.append(streamId, events, expected);
        if (expected !== 'any') expected = result.revision;
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        expected = error.actual;
      }
    }
    seq += size;
  }
}

export function concurrencyCases(ctx: ContractContext): void {
  describe('concurrent appends', () => {
    it(`given ${WRITERS} writers on separate connections, then a subscriber sees every event once, in order, without gaps`, async () => {
      const category = uniqueCategory();
      const streamIds = range(STREAMS).map((i) => `${category}-${i}`);
      const total = WRITERS * EVENTS_PER_WRITER;
      const head = await headPosition(ctx.store);
      const subscriber = new SubscriptionCollector(ctx.store, { after: head });
      const writers = await Promise.all(range(WRITERS).map(() => ctx.open()));

      await Promise.all(writers.map((store, w) => write(store, streamIds[w % STREAMS]!, w)));
      await subscriber.waitFor(total, 90_000);
      await subscriber.stop();

      const delivered = subscriber.events;
      expect(delivered.map((e) => e.position)).toEqual(range(total).map((i) => head + 1 + i));
      expect(delivered).toEqual(await ctx.store.readAll({ after: head }));
      expect(new Set(delivered.map((e) => e.eventId)).size).toBe(total);
      for (const streamId of streamIds) {
        const stream = await ctx.store.readStream(streamId);
        expect(stream.map((e) => e.revision)).toEqual(range(stream.length));
        for (const w of range(WRITERS).filter((x) => streamIds[x % STREAMS] === streamId)) {
          const seqs = stream.filter((e) => (e.data as { writer: number }).writer === w).map((e) => (e.data as { seq: number }).seq);
          expect(seqs).toEqual(range(EVENTS_PER_WRITER));
        }
      }
      // the subscriber may wait up to 90 s; the fake-client run sits in the unit tier (5 s default)
    }, 120_000);
  });
}
