import type { INestApplication } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { kafkaTransportOptions } from '../consumer/kafka-transport.options';
import { consumerGroupOf, runtimeEnv } from './runtime.tokens';

/**
 * Connects the @nestjs/microservices Kafka transport (consumer group `edict-<group>`) and starts
 * it; pass as `beforeListen` to bootstrapService. A new group reads its topics from the
 * beginning unless told otherwise (decision points only want what happens from now on).
 */
export async function connectKafkaConsumer(app: INestApplication, group: string, options: { fromBeginning?: boolean } = {}): Promise<void> {
  const { brokers } = runtimeEnv(process.env, false);
  // init first: the runtime's bootstrap hook creates the topics the consumer subscribes to
  await app.init();
  const transport = kafkaTransportOptions(`edict-${group}`, consumerGroupOf(group), brokers, options.fromBeginning ?? true);
  app.connectMicroservice<MicroserviceOptions>(transport, { inheritAppConfig: false });
  await app.startAllMicroservices();
}
