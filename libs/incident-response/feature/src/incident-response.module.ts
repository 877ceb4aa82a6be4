import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { DecisionWindowsConsumer } from './consumers/decision-windows.consumer';
import { EvaluateWindowHandler } from './handlers/evaluate-window.handler';
import { IncidentCommandsService } from './handlers/incident-commands.service';
import { IncidentsController } from './http/incidents.controller';
import { IncidentsRepository } from './store/incidents.repository';

/** The incident-response service: owns `incident-*` streams; requests rollbacks. */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'incident-response', relayCategories: ['incident'] })],
  controllers: [IncidentsController, DecisionWindowsConsumer],
  providers: [IncidentsRepository, IncidentCommandsService, EvaluateWindowHandler],
})
export class IncidentResponseModule {}
