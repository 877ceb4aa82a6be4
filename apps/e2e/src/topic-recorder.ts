import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { kafkaToCloudEvent, type EdictCloudEvent } from '@edict/messaging';

export interface RecordedEvent {
  readonly topic: string;
  readonly event: EdictCloudEvent;
}

/** Records every CloudEvent on some topics, by id, through a consumer group of its own. */
export class TopicRecorder {
  readonly events = new Map<string, RecordedEvent>();
  private consumer: Consumer | undefined;

  async start(brokers: string[], group: string, topics: string[]): Promise<void> {
    const kafka = new Kafka({ clientId: group, brokers, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: group });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ topic, message }) => {
        const event = kafkaToCloudEvent({ key: message.key, value: message.value, headers: message.headers ?? {} });
        // CloudEvent instances are frozen: keep the topic beside the event
        this.events.set(event.id, { topic, event });
        return Promise.resolve();
      },
    });
  }

  ofType(type: string): RecordedEvent[] {
    return [...this.events.values()].filter((e) => e.event.type === type);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
