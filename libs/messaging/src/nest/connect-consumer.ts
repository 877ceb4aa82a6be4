import type { INestApplication } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { kafkaTransportOptions } from '../consumer/kafka-transport.options';
import { consumerGroupOf, runtimeEnv } from './runtime.tokens';

/**
 * Connects the @nestjs/microservices Kafka transport (consumer group `edict-<service>`) and starts
 * it; pass as `beforeListen` to bootstrapService.
 */
export async function connectKafkaConsumer(app: INestApplication, service: string): Promise<void> {
  const { brokers } = runtimeEnv();
  app.connectMicroservice<MicroserviceOptions>(kafkaTransportOptions(`edict-${service}`, consumerGroupOf(service), brokers), {
    inheritAppConfig: false,
  });
  await app.startAllMicroservices();
}
