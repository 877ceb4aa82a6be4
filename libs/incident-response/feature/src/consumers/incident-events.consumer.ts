import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, type BundleRolledBack, type IncidentEscalated, type IncidentOpened, type IncidentRollbackCompleted } from '@edict/contracts';
import { consumedFrom, EventConsumer } from '@edict/messaging';
import { RecordRollbackHandler } from '../handlers/record-rollback.handler';
import { IncidentNotifier } from '../notify/incident-notifier';

/** Rollback outcomes from edict.rollouts.v1; incident-response's own edict.incidents.v1 drives the webhooks. */
@Controller()
export class IncidentEventsConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly rollbacks: RecordRollbackHandler, private readonly notifier: IncidentNotifier) {}

  @EventPattern(Topics.rollouts)
  async onRolloutEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      BundleRolledBack: (event) => this.rollbacks.handle(event.data as unknown as BundleRolledBack['data']),
    });
  }

  @EventPattern(Topics.incidents)
  async onIncidentEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      IncidentOpened: (event) => this.notifier.notify({ type: 'IncidentOpened', data: event.data as unknown as IncidentOpened['data'] }, event.time),
      IncidentEscalated: (event) => this.notifier.notify({ type: 'IncidentEscalated', data: event.data as unknown as IncidentEscalated['data'] }, event.time),
      IncidentRollbackCompleted: (event) => this.notifier.notify({ type: 'IncidentRollbackCompleted', data: event.data as unknown as IncidentRollbackCompleted['data'] }, event.time),
    });
  }
}
