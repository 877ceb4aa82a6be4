import type { EventStore, StoredEvent, Subscription } from '../port/event-store.port';
import { eventually } from './contract-fixtures';

/** A subscription that records what it is given, for the contract cases. */
export class SubscriptionCollector {
  readonly events: StoredEvent[] = [];
  readonly errors: unknown[] = [];
  private readonly subscription: Subscription;

  constructor(
    store: EventStore,
    options: { readonly after: number; readonly categories?: readonly string[] },
    private readonly handle: (event: StoredEvent) => Promise<void> = () => Promise.resolve(),
  ) {
    this.subscription = store.subscribe({
      ...options,
      onEvent: async (event) => {
        await this.handle(event);
        this.events.push(event);
      },
      onError: (error) => this.errors.push(error),
    });
  }

  get done(): Promise<void> {
    return this.subscription.done;
  }

  /** Waits until `count` events were delivered; fails early if the subscription failed. */
  async waitFor(count: number, timeoutMs?: number): Promise<void> {
    await eventually(() => this.events.length >= count || this.errors.length > 0, `${count} events`, timeoutMs);
    if (this.errors.length > 0) throw this.errors[0];
  }

  stop(): Promise<void> {
    return this.subscription.stop();
  }
}
