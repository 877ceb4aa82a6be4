import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, type DecisionWindowClosed } from '@edict/contracts';
import { consumedFrom, EventConsumer } from '@edict/messaging';
import { EvaluateWindowHandler } from '../handlers/evaluate-window.handler';

/** Incident-response watches `edict.decision-windows.v1` for the auto-rollback triggers. */
@Controller()
export class DecisionWindowsConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly evaluate: EvaluateWindowHandler) {}

  @EventPattern(Topics.decisionWindows)
  async onWindow(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      DecisionWindowClosed: async (event) => {
        await this.evaluate.handle(event.data as unknown as DecisionWindowClosed['data']);
      },
    });
  }
}
