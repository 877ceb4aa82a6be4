import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { DecisionEventsConsumer } from './consumers/decision-events.consumer';
import { RecordDecisionHandler } from './consumers/record-decision.handler';
import { DecisionsController } from './http/decisions.controller';
import { DecisionLogRepository } from './store/decision-log.repository';

/** The decision-log service: read models only (ARCHITECTURE.md), fed by `edict.decisions.v1`. */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'decision-log', relayCategories: [] })],
  controllers: [DecisionsController, DecisionEventsConsumer],
  providers: [DecisionLogRepository, RecordDecisionHandler],
})
export class DecisionLogModule {}
