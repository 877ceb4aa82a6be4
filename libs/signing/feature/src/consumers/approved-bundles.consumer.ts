import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, type BundleApproved } from '@edict/contracts';
import { consumedFrom, EventConsumer } from '@edict/messaging';
import { SignApprovedBundleHandler } from '../handlers/sign-approved-bundle.handler';

/** Signing reacts to BundleApproved on `edict.bundles.v1`. */
@Controller()
export class ApprovedBundlesConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly sign: SignApprovedBundleHandler) {}

  @EventPattern(Topics.bundles)
  async onBundleEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      BundleApproved: (event) => this.sign.handle(event.data as unknown as BundleApproved['data']),
    });
  }
}
