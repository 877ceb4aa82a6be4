import type { StoredEvent, SubscribeOptions, Subscription } from '../port/event-store.port';

/**
 * The bookkeeping every adapter's subscription shares: a loop that delivers through `onEvent`,
 * a stop that waits for the loop, onError and `done`. `run` gets an AbortSignal that fires on stop
 * and a `deliver` that skips anything at or before the last delivered position, so an event is
 * handed over at most once per running subscription even if the source repeats itself.
 */
export function runSubscription(
  options: SubscribeOptions,
  run: (deliver: (event: StoredEvent) => Promise<void>, abort: AbortSignal) => Promise<void>,
  onSettled: () => void = () => undefined,
): Subscription {
  const abort = new AbortController();
  let last = options.after;
  const deliver = async (event: StoredEvent): Promise<void> => {
    if (abort.signal.aborted || event.position <= last) return;
    await options.onEvent(event);
    last = event.position;
  };
  const done = (async () => {
    // Start on the next tick so that a synchronous subscribe() never runs user code re-entrantly.
    await Promise.resolve();
    await run(deliver, abort.signal);
  })()
    .catch((error: unknown) => {
      abort.abort();
      options.onError?.(error);
      throw error;
    })
    .finally(onSettled);
  // With onError the failure has been reported; without it `done` is the caller's to observe.
  if (options.onError) done.catch(() => undefined);
  return {
    done,
    stop: async () => {
      abort.abort();
      await done.catch(() => undefined);
    },
  };
}
