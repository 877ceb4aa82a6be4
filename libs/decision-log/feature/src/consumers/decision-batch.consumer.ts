import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { Topics } from '@edict/contracts';
import { consumerGroupOf, KAFKA, RUNTIME_LOGGER } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { DecisionLogMetrics } from '../decision-log.metrics';
import { BatchIngest } from './batch-ingest';
import { useFastFetchDecoding } from './fast-fetch-decoding';
import { WindowsOnlyIngest } from './windows-only-ingest';

/**
 * Decision-log's own kafkajs consumer of `edict.decisions.v1` (group `edict-decision-log`, from
 * the beginning for a new group), batch by batch (`eachBatch`, see BatchIngest). Offsets are
 * committed by hand once a batch is durable: the committed offset is what the watermark trusts.
 * A consumer that crashes without restarting itself is rebuilt after a backoff. With
 * EDICT_DECISION_STORE_RAW=false the batch goes to WindowsOnlyIngest (window counts and offsets in
 * Postgres, no decision rows) instead of BatchIngest; Kafka's offsets are committed the same way.
 */
@Injectable()
export class DecisionBatchConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: Consumer | undefined;
  private stopping = false;
  private starting: Promise<void> | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
    private readonly batchIngest: BatchIngest,
    private readonly windowsOnlyIngest: WindowsOnlyIngest,
    private readonly metrics: DecisionLogMetrics,
    @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig,
  ) {}

  private get ingest(): BatchIngest | WindowsOnlyIngest {
    return this.config.storeRaw ? this.batchIngest : this.windowsOnlyIngest;
  }

  onApplicationBootstrap(): void {
    this.starting = this.startWithRetry();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.starting;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async startWithRetry(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.start();
        return;
      } catch (error) {
        this.logger.warn({ topic: Topics.decisions, attempt, err: String(error) }, 'starting the decisions consumer failed; retrying');
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 200 * attempt)));
      }
    }
  }

  private async start(): Promise<void> {
    if (this.config.fastDecode) useFastFetchDecoding();
    const consumer = this.kafka.consumer({
      groupId: consumerGroupOf('decision-log'), allowAutoTopicCreation: false, sessionTimeout: 15000, heartbeatInterval: 1000,
      maxBytesPerPartition: 4 * 1024 * 1024, maxBytes: 16 * 1024 * 1024, maxWaitTimeInMs: 100,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (event) => {
      if (event.payload.restart || this.stopping) return;
      this.logger.error({ topic: Topics.decisions, err: String(event.payload.error) }, 'the decisions consumer crashed; rebuilding it');
      void consumer.disconnect().catch(() => undefined).then(() => {
        if (!this.stopping) this.starting = this.startWithRetry();
      });
    });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.decisions, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async (payload: EachBatchPayload) => {
        const { batch } = payload;
        this.metrics.consumerLag.set({ topic: batch.topic, partition: String(batch.partition) }, Number(batch.offsetLag()));
        if (batch.isEmpty()) return;
        await this.ingest.handle(batch.topic, batch.partition, batch.messages, { isRunning: () => payload.isRunning() && !payload.isStale(), heartbeat: () => payload.heartbeat() });
        payload.resolveOffset(batch.lastOffset());
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(Number(batch.lastOffset()) + 1) }]);
      },
    });
  }
}
