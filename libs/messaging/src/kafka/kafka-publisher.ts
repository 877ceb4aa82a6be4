import type { Kafka, Producer } from 'kafkajs';
import { UnavailableError } from '@edict/core';
import { cloudEventToKafka, type EdictCloudEvent } from '../cloudevents/cloud-event.mapper';

/**
 * An idempotent producer (the broker drops retried duplicates), acks from all in-sync replicas.
 * One per process; `publish` resolves once the broker has the messages.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async publish(topic: string, events: readonly EdictCloudEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.connect();
    try {
      await this.producer.send({ topic, acks: -1, messages: events.map(cloudEventToKafka) });
    } catch (error) {
      throw new UnavailableError('MESSAGING.PUBLISH_FAILED', `could not publish to ${topic}: ${String(error)}`);
    }
  }

  /** Sends already-serialised messages (used for the dead-letter topics); a value may be raw bytes. */
  async sendRaw(topic: string, messages: { key: string | null; value: Buffer | string | null; headers: Record<string, string> }[]): Promise<void> {
    await this.connect();
    await this.producer.send({ topic, acks: -1, messages });
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    return this.connected;
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
