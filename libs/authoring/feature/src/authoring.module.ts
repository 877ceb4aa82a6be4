import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { RolloutEventsConsumer } from './consumers/rollout-events.consumer';
import { BundleCommandsService } from './handlers/bundle-commands.service';
import { BundlesController } from './http/bundles.controller';

/** The authoring service: owns `bundle-*` streams (drafts, submissions, approvals). */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'authoring', relayCategories: ['bundle'] })],
  controllers: [BundlesController, RolloutEventsConsumer],
  providers: [BundleCommandsService],
})
export class AuthoringModule {}
