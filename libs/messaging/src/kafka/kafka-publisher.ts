import type { Kafka, Producer } from 'kafkajs';
import { UnavailableError } from '@edict/core';
import { injectTraceContext } from '@edict/observability';
import { cloudEventToKafka, type EdictCloudEvent } from '../cloudevents/cloud-event.mapper';
import { ConnectBackoff } from './connect-backoff';
import { fastDefaultPartitioner } from './fast-partitioner';
import { isMessageRejection, publishFailure, PublishCodes, withDeadline } from './publish-failure';

export interface KafkaPublisherOptions {
  /** longest a connect may take (default 10 s) */
  readonly connectTimeoutMs?: number;
  /** longest a send may take, kafkajs's own retries included (default 30 s) */
  readonly sendTimeoutMs?: number;
  /** wait after the first failed connect before the next use tries again; doubles up to maxBackoffMs (defaults 250 ms, 30 s) */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

/** A raw message for `sendRaw`: a value may be bytes (dead letters keep what was consumed). */
export interface RawKafkaMessage {
  readonly key: string | null;
  readonly value: Buffer | string | null;
  readonly headers: Record<string, string>;
}

/**
 * An idempotent producer (the broker drops retried duplicates), acks from all in-sync replicas,
 * keyed messages partitioned as the Java client does (fast-partitioner.ts).
 * One per process; `publish` resolves once the broker has the messages. A failed connect is
 * never cached: the next use after a backoff connects again. Every connect and send has a
 * deadline. `ready()` is the readiness check: it fails while the publisher cannot connect or
 * its last send failed for a reason other than its messages.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private readonly backoff: ConnectBackoff;
  private readonly connectTimeoutMs: number;
  private readonly sendTimeoutMs: number;
  private connected = false;
  private connecting: Promise<void> | undefined;
  private lastSendFailure: string | undefined;

  constructor(kafka: Kafka, options: KafkaPublisherOptions = {}) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: fastDefaultPartitioner });
    this.backoff = new ConnectBackoff(options.initialBackoffMs ?? 250, options.maxBackoffMs ?? 30_000);
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
  }

  async publish(topic: string, events: readonly EdictCloudEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.send(topic, events.map((event) => {
      const message = cloudEventToKafka(event);
      injectTraceContext(message.headers); // `traceparent`: the span this publish runs in (tracing on)
      return message;
    }));
  }

  /** Sends already-serialised messages (dead letters, pre-serialised batches). */
  async sendRaw(topic: string, messages: readonly RawKafkaMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.send(topic, messages);
  }

  /** Connects, or joins the connect in flight; refuses at once while backing off after a failure. */
  async connect(): Promise<void> {
    if (this.connected) return;
    if (!this.connecting) {
      const wait = this.backoff.remainingMs();
      if (wait > 0) throw new UnavailableError(PublishCodes.failed, `Kafka connect failed (${this.backoff.lastError}); next attempt in ${wait} ms`);
      this.connecting = this.producer.connect().then(
        () => {
          this.connected = true;
          this.backoff.succeeded();
        },
        (error: unknown) => {
          this.backoff.failed(error);
          throw new UnavailableError(PublishCodes.failed, `Kafka connect failed: ${String(error)}`);
        },
      ).finally(() => (this.connecting = undefined));
    }
    // a connect past its deadline is left to settle (a new one would race it); callers get the timeout
    await withDeadline(this.connecting, this.connectTimeoutMs, () => new UnavailableError(PublishCodes.failed, `Kafka connect took longer than ${this.connectTimeoutMs} ms`));
  }

  /** Resolves when the publisher is connected (connecting if needed) and its last send went through. */
  async ready(): Promise<void> {
    await this.connect();
    if (this.lastSendFailure !== undefined) throw new Error(`the last send failed: ${this.lastSendFailure}`);
  }

  async disconnect(): Promise<void> {
    const wasUp = this.connected || this.connecting !== undefined;
    this.connected = false;
    if (wasUp) await this.producer.disconnect();
  }

  private async send(topic: string, messages: readonly RawKafkaMessage[]): Promise<void> {
    await this.connect();
    try {
      const sent = this.producer.send({ topic, acks: -1, timeout: this.sendTimeoutMs, messages: [...messages] });
      await withDeadline(sent, this.sendTimeoutMs, () => new Error(`no acknowledgement within ${this.sendTimeoutMs} ms`));
      this.lastSendFailure = undefined;
    } catch (error) {
      if (!isMessageRejection(error)) this.lastSendFailure = error instanceof Error ? error.message : String(error);
      throw publishFailure(topic, error);
    }
  }
}
