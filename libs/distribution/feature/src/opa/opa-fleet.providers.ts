import { AgentBundleHandler } from './agent-bundle.handler';
import { FleetController } from './fleet.controller';
import { FleetViewHandler } from './fleet-view.handler';
import { KillSwitchBundles } from './kill-switch-bundle';
import { OpaBundlesController } from './opa-bundles.controller';
import { OpaDiscoveryController } from './opa-discovery.controller';
import { OpaFleetRepository } from './opa-fleet.repository';
import { OpaKeysController } from './opa-keys.controller';
import { OpaStatusController } from './opa-status.controller';
import { PdpFleetController } from './pdp-fleet.controller';
import { PdpFleetRepository } from './pdp-fleet.repository';
import { RolloutChanges } from './rollout-changes';
import { RolloutChangesConsumer } from './rollout-changes.consumer';

/** OPA's management APIs (Bundle Service, Status), the fleet view and the PDPs' reports to it, registered by DistributionModule. */
export const opaFleetControllers = [OpaBundlesController, OpaDiscoveryController, OpaStatusController, OpaKeysController, FleetController, PdpFleetController, RolloutChangesConsumer];
export const opaFleetProviders = [AgentBundleHandler, KillSwitchBundles, RolloutChanges, OpaFleetRepository, PdpFleetRepository, FleetViewHandler];
