import { categoryOf, dlqTopic, topicForCategory } from '@edict/contracts';
import type { EventStore, StoredEvent } from '@edict/event-store';
import { inSpan } from '@edict/observability';
import { storedToCloudEvent } from '../cloudevents/cloud-event.mapper';
import type { KafkaPublisher } from '../kafka/kafka-publisher';
import type { CheckpointStore, LeaderLease, LeaderLock, MessagingLogger } from './relay.ports';
import { relayPoison, type RelayPoison } from './relay-poison';

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
  /** an event that failed its checks and went to the DLQ instead of its topic */
  readonly onPoison?: (event: StoredEvent, poison: RelayPoison) => void;
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
    const { checkpoints, name, onPublished } = this.options;
    const topic = topicForCategory[categoryOf(event.streamId)];
    if (topic) {
      const poison = relayPoison(event);
      if (poison) {
        await this.deadLetter(topic, event, poison);
      } else {
        await this.publishInTrace(topic, event);
        onPublished?.(event, topic);
      }
    }
    await checkpoints.save(`relay:${name}`, event.position);
  }

  /**
   * The hop no instrumentation sees: the event was appended in some request's trace and is
   * published later by this loop, so the publish runs in a span whose parent is the trace context
   * stored with the event (its `traceparent` metadata). A no-op span when tracing is off.
   */
  private publishInTrace(topic: string, event: StoredEvent): Promise<void> {
    const { publisher, name, source } = this.options;
    const parent = typeof event.metadata['traceparent'] === 'string' ? event.metadata['traceparent'] : undefined;
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'edict.relay': name,
      'edict.event_type': event.type,
      'edict.event_id': event.eventId,
      'edict.stream_id': event.streamId,
      ...(event.metadata.correlationId ? { 'edict.correlation_id': event.metadata.correlationId } : {}),
    };
    return inSpan(`edict.relay ${event.type}`, parent, attributes, () => publisher.publish(topic, [storedToCloudEvent(event, source)]));
  }

  /**
   * An event that fails its checks is never published to its topic (nobody obeys it): it goes to
   * the topic's DLQ as stored, with its position and the reason, and the relay moves on.
   */
  private async deadLetter(topic: string, event: StoredEvent, poison: RelayPoison): Promise<void> {
    const { publisher, name, logger, onPoison } = this.options;
    logger.error({ relay: name, streamId: event.streamId, eventId: event.eventId, position: event.position, code: poison.code }, poison.message);
    await publisher.sendRaw(dlqTopic(topic), [{
      key: event.streamId,
      value: JSON.stringify(event),
      headers: {
        edict_dlq_error_code: poison.code,
        edict_dlq_error_message: poison.message,
        edict_dlq_source_topic: topic,
        edict_dlq_position: String(event.position),
        edict_dlq_stream_id: event.streamId,
        edict_dlq_producer: `relay:${name}`,
      },
    }]);
    onPoison?.(event, poison);
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
