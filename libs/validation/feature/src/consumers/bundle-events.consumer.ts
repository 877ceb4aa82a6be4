import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, type BundleSubmitted } from '@edict/contracts';
import { consumedFrom, EventConsumer } from '@edict/messaging';
import { ValidateSubmittedBundleHandler } from '../handlers/validate-submitted-bundle.handler';

/** Validation reacts to BundleSubmitted on `edict.bundles.v1`. */
@Controller()
export class BundleEventsConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly validate: ValidateSubmittedBundleHandler) {}

  @EventPattern(Topics.bundles)
  async onBundleEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      BundleSubmitted: (event) => this.validate.handle(event.data as unknown as BundleSubmitted['data']),
    });
  }
}
