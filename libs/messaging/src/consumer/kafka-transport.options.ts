import { Transport, type KafkaContext, type KafkaOptions } from '@nestjs/microservices';
import type { Deserializer, IncomingEvent } from '@nestjs/microservices';
import type { ConsumedMessage } from './event-consumer';
import { kafkaSecurityFromEnv } from '../kafka/kafka-security';

/**
 * Keeps the whole parsed Kafka message (headers, key, value): binary-mode CloudEvents carry
 * their attributes in headers, which Nest's default deserializer drops.
 */
class WholeMessageDeserializer implements Deserializer<unknown, IncomingEvent> {
  deserialize(value: unknown, options?: Record<string, unknown>): IncomingEvent {
    return { pattern: options?.['channel'], data: value };
  }
}

/** Options for `app.connectMicroservice` on the @nestjs/microservices Kafka transport. */
export function kafkaTransportOptions(clientId: string, groupId: string, brokers: readonly string[], fromBeginning = true): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: { clientId, brokers: [...brokers], connectionTimeout: 3000, retry: { initialRetryTime: 200, retries: 10 }, ...kafkaSecurityFromEnv() },
      consumer: { groupId, allowAutoTopicCreation: false, sessionTimeout: 15000, heartbeatInterval: 1000 },
      subscribe: { fromBeginning },
      run: { autoCommit: true },
      // Values stay the bytes the producer sent: Nest would JSON-parse anything starting with
      // '{' or '[', and the dead-letter topic would then get a re-serialised, not the original, value.
      parser: { keepBinary: true },
      deserializer: new WholeMessageDeserializer(),
    },
  };
}

/** The consumed message behind a handler's KafkaContext. */
export function consumedFrom(context: KafkaContext): ConsumedMessage {
  const message = context.getMessage();
  return {
    topic: context.getTopic(),
    partition: context.getPartition(),
    offset: message.offset,
    message: message,
  };
}
