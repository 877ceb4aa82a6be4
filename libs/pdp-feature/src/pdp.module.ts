import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { systemClock } from '@edict/core';
import { EdictRuntimeModule } from '@edict/messaging';
import { createLogger } from '@edict/observability';
import { DecisionPoint, HeldExceptions } from '@edict/pdp';
import { DecisionService } from './decide/decision.service';
import { PdpFleetReporter } from './fleet/pdp-fleet.reporter';
import { ExceptionEventsConsumer } from './exceptions/exception-events.consumer';
import { ExceptionSyncService } from './exceptions/exception-sync.service';
import { DecisionsController } from './http/decisions.controller';
import { DecisionLogBuffer } from './logging/decision-log.buffer';
import { pdpMaskRulesFromEnv } from './masking/pdp-mask.config';
import { PDP_CONFIG, PDP_LOGGER, PDP_MASK_RULES, pdpConfigFromEnv, type PdpConfig } from './pdp.config';
import { PdpMetrics } from './pdp.metrics';
import { jwksKeyLookup } from './sync/jwks-key-lookup';
import { pinnedKeyLookup } from './sync/pinned-key-lookup';
import { RolloutEventsConsumer } from './sync/rollout-events.consumer';
import { ServingSyncService } from './sync/serving-sync.service';

/** The PDP sidecar: verified bundles from distribution, decisions over HTTP, decision logs to Kafka. */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'pdp', relayCategories: [], withStore: false })],
  controllers: [DecisionsController, RolloutEventsConsumer, ExceptionEventsConsumer],
  providers: [
    { provide: PDP_CONFIG, useFactory: pdpConfigFromEnv },
    { provide: PDP_LOGGER, useFactory: () => createLogger('pdp') },
    { provide: PDP_MASK_RULES, useFactory: () => pdpMaskRulesFromEnv() },
    {
      provide: DecisionPoint,
      inject: [PDP_CONFIG, HeldExceptions],
      useFactory: (config: PdpConfig, exceptions: HeldExceptions) =>
        new DecisionPoint({ name: config.name, clock: systemClock, ids: { next: randomUUID }, exceptions, keys: jwksKeyLookup(config.jwksUrl, config.jwksTtlMs),
          manifestKeys: config.manifestJwksFile ? pinnedKeyLookup(config.manifestJwksFile) : jwksKeyLookup(config.manifestJwksUrl, config.jwksTtlMs),
        }),
    },
    PdpMetrics,
    DecisionLogBuffer,
    DecisionService,
    ServingSyncService,
    { provide: HeldExceptions, useFactory: () => new HeldExceptions() },
    ExceptionSyncService,
    PdpFleetReporter,
  ],
})
export class PdpModule {}
