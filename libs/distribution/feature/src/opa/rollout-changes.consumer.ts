import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, type RolloutEvent } from '@edict/contracts';
import { consumedFrom, EventConsumer, type EdictCloudEvent, type EventHandlers } from '@edict/messaging';
import { RolloutChanges } from './rollout-changes';

const ROLLOUT_TYPES: readonly RolloutEvent['type'][] = [
  'RolloutStarted', 'RolloutPromoted', 'BundleRolledBack', 'RolloutPaused', 'RolloutResumed',
  'VersionPinned', 'VersionUnpinned', 'PolicyDisabled', 'PolicyEnabled', 'PolicyRetired',
];

/**
 * Every rollout event on `edict.rollouts.v1` wakes the OPA long polls of its policy, which then
 * re-read the rollout stream (the event is in the store before the relay published it).
 */
@Controller()
export class RolloutChangesConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly changes: RolloutChanges) {}

  @EventPattern(Topics.rollouts)
  async onRolloutEvent(@Ctx() context: KafkaContext): Promise<void> {
    const wake = (event: EdictCloudEvent): Promise<void> => Promise.resolve(this.changes.notify(String(event.data?.['policyId'])));
    const handlers: EventHandlers = Object.fromEntries(ROLLOUT_TYPES.map((type) => [type, wake]));
    await this.consumer.handle(consumedFrom(context), handlers, { trackProcessed: false });
  }
}
