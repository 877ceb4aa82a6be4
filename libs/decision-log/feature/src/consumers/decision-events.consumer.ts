import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@edict/contracts';
import { consumedFrom, EventConsumer } from '@edict/messaging';
import { RecordDecisionHandler } from './record-decision.handler';

/** Decision-log ingests `edict.decisions.v1` (decisions from PDPs and OPA log ingest). */
@Controller()
export class DecisionEventsConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly record: RecordDecisionHandler) {}

  @EventPattern(Topics.decisions)
  async onDecision(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(
      consumedFrom(context),
      { DecisionLogged: (event) => this.record.handle(event.data) },
      { trackProcessed: false },
    );
  }
}
