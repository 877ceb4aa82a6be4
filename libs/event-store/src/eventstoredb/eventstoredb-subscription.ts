import { START, type EventStoreDBClient } from '@eventstore/db-client';
import { eventStoreUnavailable } from '../errors/event-store.errors';
import { categoryMatcher } from '../category/stream-category';
import type { SubscribeOptions, Subscription } from '../port/event-store.port';
import { runSubscription } from '../subscription/subscription-runner';
import { mapEsdbError } from './eventstoredb-errors';
import { fromEsdbEvent } from './eventstoredb-record';

/**
 * A catch-up subscription to the log stream: position p is log revision p - 1, and ESDB starts
 * strictly after the revision given, so checkpoint `after` maps to revision `after - 1`. Events
 * outside the categories are skipped client-side (the log stream holds every category).
 */
export function subscribeToLog(
  client: EventStoreDBClient,
  logStream: string,
  options: SubscribeOptions,
  onSettled: () => void,
): Subscription {
  const matches = categoryMatcher(options.categories);
  return runSubscription(
    options,
    async (deliver, abort) => {
      const fromRevision = options.after === 0 ? START : BigInt(options.after - 1);
      const subscription = client.subscribeToStream(logStream, { fromRevision });
      const unsubscribe = (): void => {
        subscription.unsubscribe().catch(() => undefined); // only ever called to stop; closing errors do not matter
      };
      abort.addEventListener('abort', unsubscribe, { once: true });
      try {
        for await (const resolved of subscription) {
          if (abort.aborted) return;
          const { event } = fromEsdbEvent(resolved);
          if (matches(event.streamId)) await deliver(event);
        }
      } catch (error) {
        // Cancelling the gRPC call is how stop() ends the loop: that error is the stop itself.
        if (abort.aborted) return;
        throw mapEsdbError(error, 'subscribe');
      } finally {
        abort.removeEventListener('abort', unsubscribe);
        if (!abort.aborted) unsubscribe();
      }
      if (!abort.aborted) throw eventStoreUnavailable(new Error('the server ended the subscription'), 'subscribe');
    },
    onSettled,
  );
}
