import { Inject, Injectable, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { EVENT_STORE, PostgresCheckpointStore, PostgresLeaderLock, schemaNames, type EventStore } from '@edict/event-store';
import { metricsFor, registerReadinessCheck, type Logger } from '@edict/observability';
import { ensureTopics } from '../kafka/ensure-topics';
import { KafkaPublisher } from '../kafka/kafka-publisher';
import { EventRelay } from '../relay/event-relay';
import { KAFKA, PG_POOL, RUNTIME_LOGGER, RUNTIME_OPTIONS, runtimeEnv, type RuntimeOptions } from './runtime.tokens';

/**
 * Starts what a service needs beside HTTP once the app is up (topics, the relay of its own
 * categories, readiness checks) and stops it in reverse order on shutdown.
 */
@Injectable()
export class RuntimeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private relay: EventRelay | undefined;
  private lagTimer: NodeJS.Timeout | undefined;
  private readonly unregister: (() => void)[] = [];

  constructor(
    @Inject(RUNTIME_OPTIONS) private readonly options: RuntimeOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
    private readonly publisher: KafkaPublisher,
    @Optional() @Inject(EVENT_STORE) private readonly store?: EventStore,
    @Optional() @Inject(PG_POOL) private readonly pool?: Pool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { store, pool } = this;
    this.unregister.push(registerReadinessCheck('kafka', () => this.kafkaReachable()));
    this.unregister.push(registerReadinessCheck('kafka-publisher', () => this.publisher.ready()));
    if (store) this.unregister.push(registerReadinessCheck('store', () => store.ping()));
    await ensureTopics(this.kafka);
    if (store && pool && this.options.relayCategories.length > 0) {
      const env = runtimeEnv();
      const checkpoints = new PostgresCheckpointStore(pool, env.schema);
      const poisoned = metricsFor(this.options.service).counter({ what: 'relay_poison', unit: 'total', help: 'events the relay dead-lettered instead of publishing (hash mismatch, unknown type, malformed), by code', labelNames: ['code'] });
      this.relay = new EventRelay({
        name: this.options.relayCategories.join(','),
        categories: this.options.relayCategories,
        source: `/edict/${this.options.service}`,
        store,
        publisher: this.publisher,
        checkpoints,
        leaderLock: new PostgresLeaderLock(env.databaseUrl, { schema: env.schema }),
        logger: this.logger,
        onPoison: (_event, poison) => poisoned.inc({ code: poison.code }),
      });
      this.relay.start();
      // every replica reports the lag, leader or not, so that a relay with no leader shows too
      const measure = this.relayLagGauge(pool, env.schema, checkpoints);
      this.lagTimer = setInterval(() => void measure().catch(() => undefined), 15000);
    }
  }

  /** Before the HTTP server and the Kafka consumer close: stop relaying and answering ready. */
  async beforeApplicationShutdown(): Promise<void> {
    this.unregister.forEach((remove) => remove());
    clearInterval(this.lagTimer);
    await this.relay?.stop();
  }

  /** After they closed (handlers in flight may still need the publisher for the DLQ, and the store). */
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
    await this.store?.close();
    await this.pool?.end();
  }

  /** `edict_<service>_relay_lag_events`: events of the relayed categories after the checkpoint. */
  private relayLagGauge(pool: Pool, schema: string, checkpoints: PostgresCheckpointStore): () => Promise<void> {
    const relay = this.options.relayCategories.join(',');
    const gauge = metricsFor(this.options.service).gauge({ what: 'relay_lag', unit: 'events', help: 'events of the relayed categories not yet published', labelNames: ['relay'] });
    const { events } = schemaNames(schema);
    return async () => {
      const checkpoint = await checkpoints.load(`relay:${relay}`);
      const { rows } = await pool.query<{ lag: string }>(`SELECT count(*) AS lag FROM ${events} WHERE category = ANY($1) AND position > $2`, [
        [...this.options.relayCategories],
        checkpoint,
      ]);
      gauge.set({ relay }, Number(rows[0]?.lag ?? 0));
    };
  }

  private async kafkaReachable(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }
}
