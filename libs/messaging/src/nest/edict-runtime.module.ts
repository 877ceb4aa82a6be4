import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { KafkaRetriableException } from '@nestjs/microservices';
import { Pool } from 'pg';
import { createSelectedEventStore, EVENT_STORE, parseEventStoreSelection } from '@edict/event-store';
import { systemClock } from '@edict/core';
import { createLogger, metricsFor, runWithContext, type Logger } from '@edict/observability';
import { EventConsumer } from '../consumer/event-consumer';
import { ProcessedEventsStore } from '../consumer/processed-events.store';
import { createKafka } from '../kafka/kafka-client.factory';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { RuntimeLifecycle } from './runtime.lifecycle';
import { CLOCK, consumerGroupOf, KAFKA, PG_POOL, RUNTIME_LOGGER, RUNTIME_OPTIONS, runtimeEnv, type RuntimeOptions } from './runtime.tokens';

const deadLetterCounter = (service: string): ((topic: string, code: string) => void) => {
  const counter = metricsFor(service).counter({ what: 'dlq_messages', unit: 'total', help: 'messages sent to a dead-letter topic, by source topic and error code', labelNames: ['topic', 'code'] });
  return (topic, code) => counter.inc({ topic, code });
};

/**
 * What every Edict service shares: the event store (Postgres, or EventStoreDB with
 * EDICT_EVENT_STORE=eventstoredb), a pg pool for read models, the
 * Kafka client and idempotent publisher, the idempotent event consumer, and the relay of the
 * service's own stream categories. Import once, in the service's root module.
 */
@Global()
@Module({})
export class EdictRuntimeModule {
  static forService(options: RuntimeOptions): DynamicModule {
    const withStore = options.withStore ?? true;
    const env = runtimeEnv(process.env, withStore);
    // EDICT_EVENT_STORE=postgres|eventstoredb: an unknown value or a missing connection string fails here, at startup
    const selection = withStore ? parseEventStoreSelection(process.env) : undefined;
    const storeProviders: Provider[] = [
      { provide: PG_POOL, useFactory: () => new Pool({ connectionString: env.databaseUrl, max: 10 }) },
      { provide: EVENT_STORE, useFactory: () => createSelectedEventStore(selection ?? { kind: 'postgres' }, { connectionString: env.databaseUrl, schema: env.schema }) },
    ];
    return {
      module: EdictRuntimeModule,
      providers: [
        { provide: RUNTIME_OPTIONS, useValue: { ...options, withStore } },
        { provide: CLOCK, useValue: systemClock },
        { provide: RUNTIME_LOGGER, useFactory: () => createLogger(options.service) },
        ...(withStore ? storeProviders : []),
        { provide: KAFKA, useFactory: () => createKafka(`edict-${options.service}`, env.brokers) },
        { provide: KafkaPublisher, useFactory: (kafka: ReturnType<typeof createKafka>) => new KafkaPublisher(kafka), inject: [KAFKA] },
        {
          provide: EventConsumer,
          inject: [KafkaPublisher, RUNTIME_LOGGER, ...(withStore ? [PG_POOL] : [])],
          useFactory: (publisher: KafkaPublisher, logger: Logger, pool?: Pool) =>
            new EventConsumer({
              consumer: consumerGroupOf(options.service),
              publisher,
              ...(pool ? { processed: new ProcessedEventsStore(pool, env.schema) } : {}),
              logger,
              withContext: (ids, fn) => runWithContext(ids, fn),
              onDeadLetter: deadLetterCounter(options.service),
              retriable: (message) => new KafkaRetriableException(message),
            }),
        },
        RuntimeLifecycle,
      ],
      exports: [CLOCK, RUNTIME_OPTIONS, RUNTIME_LOGGER, KAFKA, KafkaPublisher, EventConsumer, ...(withStore ? [PG_POOL, EVENT_STORE] : [])],
    };
  }
}
