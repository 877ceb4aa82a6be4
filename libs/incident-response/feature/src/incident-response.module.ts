import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { AuditEventsConsumer } from './consumers/audit-events.consumer';
import { DecisionWindowsConsumer } from './consumers/decision-windows.consumer';
import { DecisionsConsumer } from './consumers/decisions.consumer';
import { IncidentEventsConsumer } from './consumers/incident-events.consumer';
import { FastPathService } from './fast/fast-path.service';
import { AuditChainBrokenHandler } from './handlers/audit-chain-broken.handler';
import { EvaluateWindowHandler } from './handlers/evaluate-window.handler';
import { IncidentCommandsService } from './handlers/incident-commands.service';
import { IncidentIdsService } from './handlers/incident-ids.service';
import { RecordRollbackHandler } from './handlers/record-rollback.handler';
import { RollbackDeadlineWatcher } from './handlers/rollback-deadline.watcher';
import { TriggerSettingsService } from './handlers/trigger-settings.service';
import { IncidentsController } from './http/incidents.controller';
import { TriggerSettingsController } from './http/trigger-settings.controller';
import { IncidentNotifier } from './notify/incident-notifier';
import { CostsRepository } from './store/costs.repository';
import { IncidentsRepository } from './store/incidents.repository';

/** The incident-response service: owns `incident-*` streams; requests rollbacks, records their outcome, notifies. */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'incident-response', relayCategories: ['incident'] })],
  controllers: [IncidentsController, TriggerSettingsController, DecisionWindowsConsumer, IncidentEventsConsumer, DecisionsConsumer, AuditEventsConsumer],
  providers: [
    IncidentsRepository, CostsRepository, IncidentCommandsService, IncidentIdsService, TriggerSettingsService,
    EvaluateWindowHandler, RecordRollbackHandler, AuditChainBrokenHandler, RollbackDeadlineWatcher, IncidentNotifier, FastPathService,
  ],
})
export class IncidentResponseModule {}
