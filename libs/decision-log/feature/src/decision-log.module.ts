import { Module } from '@nestjs/common';
import { PostgresLeaderLock } from '@edict/event-store';
import { EdictRuntimeModule, runtimeEnv } from '@edict/messaging';
import { DECISION_LOG_CONFIG, decisionLogConfigFromEnv } from './config/decision-log.config';
import { BatchIngest } from './consumers/batch-ingest';
import { DecisionBatchConsumer } from './consumers/decision-batch.consumer';
import { WindowsOnlyIngest } from './consumers/windows-only-ingest';
import { DecisionLogMetrics } from './decision-log.metrics';
import { DecisionsController } from './http/decisions.controller';
import { WindowsController } from './http/windows.controller';
import { OpaLogsController } from './opa-logs/opa-logs.controller';
import { OpaLogsBodyInstaller } from './opa-logs/opa-logs-body.middleware';
import { OpaLogsIngest } from './opa-logs/opa-logs.ingest';
import { RolloutCanariesReader } from './opa-logs/rollout-canaries.reader';
import { DecisionLogMigrator } from './store/decision-log.migrator';
import { DecisionLogRepository } from './store/decision-log.repository';
import { DecisionRetention } from './store/decision-retention.service';
import { DecisionWindowsRepository } from './store/decision-windows.repository';
import { WindowsOnlyRepository } from './store/windows-only.repository';
import { DecisionWindowsPublisher, WINDOWS_LEADER_LOCK } from './windows/decision-windows.publisher';
import { WatermarkReader } from './windows/watermark.reader';
import { WindowCloser } from './windows/window-closer.service';

/**
 * The decision-log service: read models only (ARCHITECTURE.md), fed by `edict.decisions.v1`;
 * masks and stores decisions, and publishes `DecisionWindowClosed` to `edict.decision-windows.v1`.
 */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'decision-log', relayCategories: [] })],
  controllers: [DecisionsController, WindowsController, OpaLogsController],
  providers: [
    { provide: DECISION_LOG_CONFIG, useFactory: () => decisionLogConfigFromEnv() },
    {
      provide: WINDOWS_LEADER_LOCK,
      useFactory: () => {
        const env = runtimeEnv();
        return new PostgresLeaderLock(env.databaseUrl, { schema: env.schema });
      },
    },
    DecisionLogMetrics,
    DecisionLogMigrator,
    DecisionLogRepository,
    DecisionRetention,
    DecisionWindowsRepository,
    BatchIngest,
    WindowsOnlyRepository,
    WindowsOnlyIngest,
    DecisionBatchConsumer,
    WatermarkReader,
    WindowCloser,
    DecisionWindowsPublisher,
    OpaLogsBodyInstaller,
    RolloutCanariesReader,
    OpaLogsIngest,
  ],
})
export class DecisionLogModule {}
