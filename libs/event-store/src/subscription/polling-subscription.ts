import type { StoredEvent, SubscribeOptions, Subscription } from '../port/event-store.port';
import { runSubscription } from './subscription-runner';
import type { WakeSignal } from './wake-signal';

export interface PollingSubscriptionOptions extends SubscribeOptions {
  /** reads up to `limit` events after `after`, in position order, with the categories filter */
  readonly read: (after: number, limit: number) => Promise<StoredEvent[]>;
  readonly signal: WakeSignal;
  readonly batchSize: number;
  /** longest sleep between reads when no wake-up arrives (the fallback if notifications are lost) */
  readonly pollIntervalMs: number;
  readonly onSettled?: () => void;
}

/**
 * Catch-up then tail, by reading the log after the last delivered position until a read comes
 * back short, then sleeping until a wake-up or the poll interval. Correct only because positions
 * are assigned in commit order (see postgres-append.ts): nothing can appear later below the
 * checkpoint.
 */
export function pollingSubscription(options: PollingSubscriptionOptions): Subscription {
  const { read, signal, batchSize, pollIntervalMs } = options;
  return runSubscription(
    options,
    async (deliver, abort) => {
      let checkpoint = options.after;
      while (!abort.aborted) {
        const seen = signal.version;
        const batch = await read(checkpoint, batchSize);
        for (const event of batch) {
          if (abort.aborted) return;
          await deliver(event);
          checkpoint = event.position;
        }
        if (batch.length < batchSize) await signal.wait(seen, pollIntervalMs, abort);
      }
    },
    options.onSettled,
  );
}
