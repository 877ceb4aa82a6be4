import type { EdictCloudEvent, EventHandlers } from '@edict/messaging/kafka';
import type { ServingSyncService } from './serving-sync.service';

/**
 * Push: any rollout event makes the PDP refetch that policy's serving state. Refetching is
 * idempotent (older revisions are ignored), so redelivery is harmless. The handlers of
 * `edict.rollouts.v1` for the runtime's EventConsumer.
 */
export function rolloutEventHandlers(sync: ServingSyncService): EventHandlers {
  const refresh = (event: EdictCloudEvent): Promise<void> => sync.syncOne(String(event.data?.['policyId']));
  return {
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
  };
}
