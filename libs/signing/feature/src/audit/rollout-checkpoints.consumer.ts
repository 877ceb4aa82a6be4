import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, type RolloutEvent } from '@edict/contracts';
import { consumedFrom, EventConsumer, type EventHandlers } from '@edict/messaging';
import { AuditAnchorService } from './audit-anchor.service';

const ROLLOUT_TYPES: readonly RolloutEvent['type'][] = [
  'RolloutStarted', 'RolloutPromoted', 'BundleRolledBack', 'RolloutPaused', 'RolloutResumed',
  'VersionPinned', 'VersionUnpinned', 'PolicyDisabled', 'PolicyEnabled', 'PolicyRetired',
];

/** Every rollout event on `edict.rollouts.v1` asks the audit anchor for a checkpoint now. */
@Controller()
export class RolloutCheckpointsConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly anchor: AuditAnchorService) {}

  @EventPattern(Topics.rollouts)
  async onRolloutEvent(@Ctx() context: KafkaContext): Promise<void> {
    const trigger = (): Promise<void> => Promise.resolve(this.anchor.trigger());
    const handlers: EventHandlers = Object.fromEntries(ROLLOUT_TYPES.map((type) => [type, trigger]));
    await this.consumer.handle(consumedFrom(context), handlers, { trackProcessed: false });
  }
}
