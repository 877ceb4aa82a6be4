import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, type BundleSigned, type DecisionWindowClosed, type RollbackRequested } from '@edict/contracts';
import { consumedFrom, EventConsumer } from '@edict/messaging';
import { AutoPromoteHandler } from '../handlers/auto-promote.handler';
import { RecordSignedBundleHandler } from '../handlers/record-signed-bundle.handler';
import { RolloutCommandsService } from '../handlers/rollout-commands.service';
import { DecisionWindowsRepository } from '../store/decision-windows.repository';

/** What distribution reacts to: signed bundles, decision windows (gates, automatic promotion) and rollback requests. */
@Controller()
export class DistributionEventsConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly signed: RecordSignedBundleHandler,
    private readonly windows: DecisionWindowsRepository,
    private readonly rollouts: RolloutCommandsService,
    private readonly autoPromote: AutoPromoteHandler,
  ) {}

  @EventPattern(Topics.bundles)
  async onBundleEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      BundleSigned: (event) => this.signed.handle(event.data as unknown as BundleSigned['data']),
    });
  }

  @EventPattern(Topics.decisionWindows)
  async onDecisionWindow(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      DecisionWindowClosed: async (event) => {
        const window = event.data as unknown as DecisionWindowClosed['data'];
        await this.windows.save(window);
        await this.autoPromote.afterWindow(window.policyId);
      },
    });
  }

  @EventPattern(Topics.incidents)
  async onIncidentEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      RollbackRequested: async (event) => {
        const { policyId, version, incidentId, reason } = event.data as unknown as RollbackRequested['data'];
        await this.rollouts.rollbackForIncident(policyId, version, incidentId, reason);
      },
    });
  }
}
