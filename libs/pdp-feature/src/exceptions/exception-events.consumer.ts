import type { EdictCloudEvent, EventHandlers } from '@edict/messaging/kafka';
import type { ExceptionSyncService } from './exception-sync.service';

/**
 * Push: an exception event makes the PDP refetch that exception from authoring, so redelivery
 * and out-of-order events are harmless (the refetch reads where it stands now). The handlers of
 * `edict.exceptions.v1` for the runtime's EventConsumer.
 */
export function exceptionEventHandlers(sync: ExceptionSyncService): EventHandlers {
  const refresh = (event: EdictCloudEvent): Promise<void> => sync.syncOne(String(event.data?.['exceptionId']));
  return {
    ExceptionRequested: refresh,
    ExceptionApproved: refresh,
    ExceptionRevoked: refresh,
    ExceptionExpired: refresh,
  };
}
