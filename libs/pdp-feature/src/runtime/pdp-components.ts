import { randomUUID } from 'node:crypto';
import { systemClock } from '@edict/core';
import { consumerGroupOf, createKafka, EventConsumer, KafkaPublisher, runtimeEnv } from '@edict/messaging/kafka';
import { createLogger, metricsFor, runWithContext, type Logger } from '@edict/observability';
import { DecisionPoint, HeldExceptions } from '@edict/pdp';
import { createTokenVerifier, resolveAuthConfig, type TokenVerifier } from '@edict/service-kit/edge';
import type { Kafka } from 'kafkajs';
import { DecisionService } from '../decide/decision.service';
import { ExceptionSyncService } from '../exceptions/exception-sync.service';
import { PdpFleetReporter } from '../fleet/pdp-fleet.reporter';
import { DecisionLogBuffer } from '../logging/decision-log.buffer';
import { pdpMaskRulesFromEnv } from '../masking/pdp-mask.config';
import { pdpConfigFromEnv, type PdpConfig } from '../pdp.config';
import { PdpMetrics } from '../pdp.metrics';
import { jwksKeyLookup } from '../sync/jwks-key-lookup';
import { pinnedKeyLookup } from '../sync/pinned-key-lookup';
import { ServingSyncService } from '../sync/serving-sync.service';
import { fullCollection, IdleCollector, idleGcMsFromEnv } from './idle-collector';

/** Everything a PDP is made of, constructed by hand (what PdpModule's providers were). */
export interface PdpComponents {
  readonly config: PdpConfig;
  readonly logger: Logger;
  readonly kafka: Kafka;
  readonly publisher: KafkaPublisher;
  readonly consumer: EventConsumer;
  readonly verify: TokenVerifier;
  readonly pdp: DecisionPoint;
  readonly metrics: PdpMetrics;
  readonly log: DecisionLogBuffer;
  readonly decisions: DecisionService;
  readonly serving: ServingSyncService;
  readonly exceptions: ExceptionSyncService;
  readonly fleet: PdpFleetReporter;
  /** full GCs after a burst of decisions or a bundle load, until the heap settled (idle-collector.ts) */
  readonly idle: IdleCollector;
}

/**
 * The composition root, from the environment (the same variables as before: KAFKA_BROKERS,
 * EDICT_PDP_*, EDICT_DISTRIBUTION_URL, EDICT_DECISION_MASK_PATHS, the auth settings, …). A bad
 * setting throws here, before anything listens.
 */
export function createPdpComponents(env: NodeJS.ProcessEnv = process.env, logger: Logger = createLogger('pdp')): PdpComponents {
  const config = pdpConfigFromEnv(env);
  const auth = resolveAuthConfig(env);
  if (auth.mode === 'dev') {
    const warning = auth.usesDefaultSecret ? 'the PUBLIC DEFAULT dev secret: anyone can mint tokens' : 'a shared secret';
    logger.warn({ issuer: 'edict-dev' }, `AUTH IN DEV MODE: bearer tokens are verified with ${warning}; set EDICT_JWKS_URL in production`);
  }
  const { brokers } = runtimeEnv(env, false);
  const kafka = createKafka(`edict-pdp-${config.name}`, brokers);
  const publisher = new KafkaPublisher(kafka);
  const dlq = metricsFor('pdp').counter({ what: 'dlq_messages', unit: 'total', help: 'messages sent to a dead-letter topic, by source topic and error code', labelNames: ['topic', 'code'] });
  const consumer = new EventConsumer({
    consumer: consumerGroupOf('pdp'),
    publisher,
    logger,
    withContext: (ids, fn) => runWithContext(ids, fn),
    onDeadLetter: (topic, code) => dlq.inc({ topic, code }),
  });
  const held = new HeldExceptions();
  const pdp = new DecisionPoint({
    name: config.name,
    clock: systemClock,
    ids: { next: randomUUID },
    exceptions: held,
    keys: jwksKeyLookup(config.jwksUrl, config.jwksTtlMs),
    manifestKeys: config.manifestJwksFile ? pinnedKeyLookup(config.manifestJwksFile) : jwksKeyLookup(config.manifestJwksUrl, config.jwksTtlMs),
  });
  const metrics = new PdpMetrics();
  const log = new DecisionLogBuffer(publisher, metrics, config, logger);
  const fleet = new PdpFleetReporter(pdp, config, logger);
  const idleMs = idleGcMsFromEnv(env);
  const idle = new IdleCollector(idleMs, idleMs > 0 ? fullCollection() : () => undefined);
  return {
    config, logger, kafka, publisher, consumer, pdp, metrics, log, fleet, idle,
    verify: createTokenVerifier(auth),
    decisions: new DecisionService(pdp, log, metrics, pdpMaskRulesFromEnv(env)),
    serving: new ServingSyncService(pdp, config, logger, metrics, () => {
      fleet.changed();
      idle.busy();
    }),
    exceptions: new ExceptionSyncService(held, config, logger),
  };
}
