import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { bundleLineDecider } from '@edict/authoring-domain';
import { StreamIds, Topics, type BundleRolledBack } from '@edict/contracts';
import { type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, consumedFrom, decideAndAppend, EventConsumer, eventMetadata } from '@edict/messaging';

/**
 * A version that distribution rolled back is archived in its bundle line (lifecycle:
 * "Archived (superseded or rolled back)"). Archiving twice is a no-op, so redelivery is safe.
 */
@Controller()
export class RolloutEventsConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern(Topics.rollouts)
  async onRolloutEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      BundleRolledBack: async (event) => {
        const { policyId, fromVersion } = event.data as unknown as BundleRolledBack['data'];
        await decideAndAppend(
          this.store,
          StreamIds.bundle(policyId),
          bundleLineDecider,
          { type: 'ArchiveBundle', data: { version: fromVersion, reason: 'rolled_back', at: this.clock.now().toISOString() } },
          { metadata: eventMetadata('system:authoring') },
        );
      },
    });
  }
}
