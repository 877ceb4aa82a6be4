import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@edict/contracts';
import { consumedFrom, EventConsumer, type EdictCloudEvent } from '@edict/messaging';
import { ServingSyncService } from './serving-sync.service';

/**
 * Push: any rollout event makes the PDP refetch that policy's serving state. Refetching is
 * idempotent (older revisions are ignored), so redelivery is harmless.
 */
@Controller()
export class RolloutEventsConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly sync: ServingSyncService) {}

  @EventPattern(Topics.rollouts)
  async onRolloutEvent(@Ctx() context: KafkaContext): Promise<void> {
    const refresh = (event: EdictCloudEvent): Promise<void> => this.sync.syncOne(String(event.data?.['policyId']));
    await this.consumer.handle(consumedFrom(context), {
      RolloutStarted: refresh,
      RolloutPromoted: refresh,
      RolloutPaused: refresh,
      RolloutResumed: refresh,
      BundleRolledBack: refresh,
      VersionPinned: refresh,
      VersionUnpinned: refresh,
      PolicyDisabled: refresh,
      PolicyEnabled: refresh,
      PolicyRetired: refresh,
    });
  }
}
