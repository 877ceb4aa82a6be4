import { categoryOf, topicForCategory } from '@edict/contracts';
import type { EventStore, StoredEvent } from '@edict/event-store';
import { storedToCloudEvent } from '../cloudevents/cloud-event.mapper';
import type { KafkaPublisher } from '../kafka/kafka-publisher';
import type { CheckpointStore, LeaderLease, LeaderLock, MessagingLogger } from './relay.ports';

export interface EventRelayOptions {
  readonly name: string;
  readonly categories: readonly string[];
  /** CloudEvents `source`, e.g. `/edict/authoring` */
  readonly source: string;
  readonly store: EventStore;
  readonly publisher: KafkaPublisher;
  readonly checkpoints: CheckpointStore;
  readonly leaderLock: LeaderLock;
  readonly logger: MessagingLogger;
  /** how long a standby waits before trying for the lease again */
  readonly standbyRetryMs?: number;
  readonly onPublished?: (event: StoredEvent, topic: string) => void;
}

/**
 * Tails the global log in order and publishes its categories' events to Kafka (ARCHITECTURE.md
 * "Publishing"). Only the holder of the leader lease relays; others stand by. The checkpoint is
 * saved after each publish, so a crash re-publishes at most the last event: consumers dedupe by id.
 */
export class EventRelay {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: EventRelayOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { leaderLock, name, logger, standbyRetryMs = 1000 } = this.options;
    while (!this.stopping) {
      let lease: LeaderLease | null = null;
      try {
        lease = await leaderLock.tryAcquire(`relay:${name}`);
        if (lease) await this.relayWhileLeader(lease);
      } catch (error) {
        logger.error({ relay: name, err: String(error) }, 'relay failed; retrying');
      } finally {
        await lease?.release().catch(() => undefined);
      }
      if (!this.stopping) await this.sleep(standbyRetryMs);
    }
  }

  private async relayWhileLeader(lease: LeaderLease): Promise<void> {
    const { store, checkpoints, name, categories, logger } = this.options;
    const after = await checkpoints.load(`relay:${name}`);
    logger.info({ relay: name, after, categories }, 'relay active');
    let failed: (e: unknown) => void = () => undefined;
    const failure = new Promise<void>((_, reject) => (failed = reject));
    const subscription = store.subscribe({
      after,
      categories,
      onEvent: (event) => this.publish(event),
      onError: (error) => failed(error),
    });
    try {
      await Promise.race([lease.lost, failure, new Promise<void>((resolve) => (this.wake = resolve))]);
    } finally {
      await subscription.stop();
    }
  }

  private async publish(event: StoredEvent): Promise<void> {
    const { publisher, checkpoints, name, source, onPublished } = this.options;
    const topic = topicForCategory[categoryOf(event.streamId)];
    if (topic) {
      await publisher.publish(topic, [storedToCloudEvent(event, source)]);
      onPublished?.(event, topic);
    }
    await checkpoints.save(`relay:${name}`, event.position);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
