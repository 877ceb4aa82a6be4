import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, type DecisionLogged } from '@edict/contracts';
import { consumedFrom, EventConsumer } from '@edict/messaging';
import { FastPathService } from '../fast/fast-path.service';

/** The fast path reads edict.decisions.v1 itself (idempotent by design: a version is weighed once). */
@Controller()
export class DecisionsConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly fast: FastPathService) {}

  @EventPattern(Topics.decisions)
  async onDecision(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      DecisionLogged: (event) => this.fast.record(event.data as unknown as DecisionLogged['data']),
    }, { trackProcessed: false });
  }
}
