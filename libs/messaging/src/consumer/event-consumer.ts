import { eventTypeOfCloudEvent, type EdictEventType } from '@edict/contracts';
import { isEdictError } from '@edict/core';
import { inSpan } from '@edict/observability';
import type { EdictCloudEvent } from '../cloudevents/cloud-event.mapper';
import { kafkaToCloudEvent, type IncomingKafkaMessage } from '../cloudevents/kafka-to-cloud-event';
import type { KafkaPublisher } from '../kafka/kafka-publisher';
import type { MessagingLogger } from '../relay/relay.ports';
import { sendToDeadLetter } from './dead-letter';
import type { ProcessedEventsStore } from './processed-events.store';

/** A message as the Kafka transport delivered it. */
export interface ConsumedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly message: IncomingKafkaMessage;
}

export type EventHandlers = Partial<Record<EdictEventType, (event: EdictCloudEvent) => Promise<void>>>;

export interface EventConsumerOptions {
  /** consumer name: the idempotency scope (usually the Kafka group id) */
  readonly consumer: string;
  readonly publisher: KafkaPublisher;
  /** absent: no dedupe table; the handlers are idempotent on their own (upserts, refetches) */
  readonly processed?: ProcessedEventsStore;
  readonly logger: MessagingLogger;
  /** runs the handler inside the event's correlation context */
  readonly withContext?: <T>(ids: { correlationId?: string; causationId?: string }, fn: () => Promise<T>) => Promise<T>;
  /** unexpected (non-Edict) errors are retried this many times, then dead-lettered */
  readonly maxUnexpectedAttempts?: number;
  /** told of every dead-lettered message (the `edict_<service>_dlq_messages_total` counter) */
  readonly onDeadLetter?: (topic: string, code: string) => void;
  /**
   * The error a transient failure is rethrown as, so that the transport does not commit the
   * offset: @nestjs/microservices needs its KafkaRetriableException (the Nest runtime passes it);
   * a plain kafkajs `eachMessage` retries on any error (the default, RetriableHandlerError).
   */
  readonly retriable?: (message: string) => Error;
}

/** A handler's transient failure, rethrown so that Kafka delivers the message again. */
export class RetriableHandlerError extends Error {
  override readonly name = 'RetriableHandlerError';
}

const traceparentOf = (consumed: ConsumedMessage, event: EdictCloudEvent): string | undefined => {
  const header = consumed.message.headers?.['traceparent'];
  const text = Buffer.isBuffer(header) ? header.toString('utf8') : header;
  if (typeof text === 'string') return text;
  return typeof event['traceparent'] === 'string' ? event['traceparent'] : undefined;
};

/**
 * Handles one Kafka message the Edict way (STYLE.md §8): a poison message goes to the DLQ; an
 * event already handled is skipped; a transient fault is rethrown as retriable so that the
 * offset is not committed; a permanent one is dead-lettered. Unknown event types are ignored.
 */
export class EventConsumer {
  private readonly attempts = new Map<string, number>();

  constructor(private readonly options: EventConsumerOptions) {}

  /**
   * `trackProcessed: false` skips the dedupe table for high-volume events whose handler is
   * idempotent by its own key (decisions: the decision id is the primary key).
   */
  async handle(consumed: ConsumedMessage, handlers: EventHandlers, options: { trackProcessed?: boolean } = {}): Promise<void> {
    const { consumer, logger } = this.options;
    const processed = options.trackProcessed === false ? undefined : this.options.processed;
    const where = { topic: consumed.topic, partition: consumed.partition, offset: consumed.offset, consumer };
    let event: EdictCloudEvent;
    try {
      event = kafkaToCloudEvent(consumed.message);
    } catch (error) {
      return this.deadLetter(consumed, error);
    }
    const type = eventTypeOfCloudEvent(event.type);
    const handler = type ? handlers[type] : undefined;
    if (!handler) return;
    if (processed && (await processed.has(consumer, event.id))) {
      logger.info({ ...where, eventId: event.id }, 'duplicate event skipped');
      return;
    }
    const ids = {
      correlationId: typeof event['correlationid'] === 'string' ? event['correlationid'] : undefined,
      causationId: event.id,
    };
    const run = (): Promise<void> => (this.options.withContext ? this.options.withContext(ids, () => handler(event)) : handler(event));
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.destination.name': consumed.topic,
      'messaging.consumer.group.name': consumer,
      'edict.event_type': type ?? event.type,
      'edict.event_id': event.id,
      ...(ids.correlationId ? { 'edict.correlation_id': ids.correlationId } : {}),
    };
    try {
      // the trace continues from the message: its `traceparent` header (the publish), else the event's extension (the append)
      await inSpan(`edict.consume ${type ?? event.type}`, traceparentOf(consumed, event), attributes, run);
    } catch (error) {
      return this.onHandlerError(consumed, event, error, processed);
    }
    await processed?.mark(consumer, event.id);
    this.attempts.delete(this.key(consumed));
  }

  private async onHandlerError(consumed: ConsumedMessage, event: EdictCloudEvent, error: unknown, processed?: ProcessedEventsStore): Promise<void> {
    const key = this.key(consumed);
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    const retriable = isEdictError(error) ? error.retriable : attempt < (this.options.maxUnexpectedAttempts ?? 5);
    this.options.logger.warn(
      { topic: consumed.topic, offset: consumed.offset, eventId: event.id, attempt, retriable, err: String(error) },
      'event handler failed',
    );
    if (retriable) {
      this.attempts.set(key, attempt);
      throw this.options.retriable ? this.options.retriable(String(error)) : new RetriableHandlerError(String(error));
    }
    this.attempts.delete(key);
    await this.deadLetter(consumed, error);
    await processed?.mark(this.options.consumer, event.id);
  }

  private async deadLetter(consumed: ConsumedMessage, error: unknown): Promise<void> {
    const code = isEdictError(error) ? error.code : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    this.options.logger.error({ topic: consumed.topic, offset: consumed.offset, code }, 'message dead-lettered');
    await sendToDeadLetter(this.options.publisher, { ...consumed, consumer: this.options.consumer, error: { code, message } });
    this.options.onDeadLetter?.(consumed.topic, code);
  }

  private key(consumed: ConsumedMessage): string {
    return `${consumed.topic}/${consumed.partition}/${consumed.offset}`;
  }
}
