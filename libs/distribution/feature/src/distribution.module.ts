import { Module } from '@nestjs/common';
import { EdictRuntimeModule } from '@edict/messaging';
import { DistributionEventsConsumer } from './consumers/distribution-events.consumer';
import { RecordSignedBundleHandler } from './handlers/record-signed-bundle.handler';
import { RolloutCommandsService } from './handlers/rollout-commands.service';
import { RolloutGauges } from './handlers/rollout-gauges';
import { ServingProjection } from './handlers/serving-projection';
import { ServingStateService } from './handlers/serving-state.service';
import { ManifestKeysController } from './http/manifest-keys.controller';
import { OpaBundleController } from './http/opa-bundle.controller';
import { OpaBundleReleaseHandler } from './opa/opa-bundle-release.handler';
import { opaFleetControllers, opaFleetProviders } from './opa/opa-fleet.providers';
import { RolloutsController } from './http/rollouts.controller';
import { RetireController } from './http/retire.controller';
import { RetirePolicyHandler } from './handlers/retire-policy.handler';
import { RolloutListController } from './http/rollout-list.controller';
import { ActivePoliciesHandler } from './handlers/active-policies.handler';
import { AutoPromoteHandler } from './handlers/auto-promote.handler';
import { CanaryGate } from './handlers/canary-gate';
import { ServingController } from './http/serving.controller';
import { SystemController } from './http/system.controller';
import { SystemKillSwitchService } from './handlers/system-kill-switch.service';
import { DecisionWindowsRepository } from './store/decision-windows.repository';
import { manifestKeyProvider } from './manifest/manifest-key';
import { ReleasesRepository } from './store/releases.repository';

/** The distribution service: owns `rollout-*` streams; serves bundles to decision points. */
@Module({
  imports: [EdictRuntimeModule.forService({ service: 'distribution', relayCategories: ['rollout'] })],
  controllers: [RolloutListController, RolloutsController, RetireController, ServingController, ManifestKeysController, OpaBundleController, SystemController, DistributionEventsConsumer, ...opaFleetControllers],
  providers: [manifestKeyProvider, RetirePolicyHandler, ReleasesRepository, ActivePoliciesHandler, CanaryGate, AutoPromoteHandler, DecisionWindowsRepository, RecordSignedBundleHandler, RolloutCommandsService, SystemKillSwitchService, ServingStateService, ServingProjection, OpaBundleReleaseHandler, RolloutGauges, ...opaFleetProviders],
})
export class DistributionModule {}
