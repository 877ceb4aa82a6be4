import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import { randomBytes } from 'node:crypto';

/** One message as it sits on a topic, with its place there. */
export interface RecordedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

// a fixture, not a spec: it may not import @edict/testing (module boundaries)
const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
const text = (value: IHeaders[string]): string => (Array.isArray(value) ? value.map(String).join(',') : String(value ?? ''));

/** Records every message of some topics from their beginning, through a consumer group of its own. */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer: Consumer | undefined;

  constructor(private readonly brokers: readonly string[]) {}

  async start(topics: readonly string[]): Promise<this> {
    const group = unique('int-recorder');
    this.consumer = new Kafka({ clientId: group, brokers: [...this.brokers], logLevel: logLevel.NOTHING }).consumer({ groupId: group });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, text(value)]));
        this.messages.push({ topic, partition, offset: Number(message.offset), key: message.key?.toString('utf8') ?? null, value: message.value, headers });
        return Promise.resolve();
      },
    });
    return this;
  }

  on(topic: string): RecordedMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** How many messages a topic holds: the sum of its partitions' end offsets (what was ever written). */
export async function messageCount(brokers: readonly string[], topic: string): Promise<number> {
  const admin = new Kafka({ clientId: unique('int-admin'), brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}
