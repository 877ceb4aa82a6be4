import { jsonEvent, type EventData, type ResolvedEvent } from '@eventstore/db-client';
import { sha256Hex } from '@edict/core';
import { malformedReason } from '../chain/stored-event.shape';
import type { StoredEvent } from '../port/event-store.port';

/** A stored event as the adapter keeps it, with the position the append it came from started at. */
export interface EsdbRecord {
  readonly event: StoredEvent;
  /** position of the first event of the same append (to re-materialise the whole batch) */
  readonly batchStart: number;
  /** the ESDB revision of this copy in the stream it was read from */
  readonly esdbRevision: number;
}

interface EsdbMetadata {
  readonly $correlationId?: string;
  readonly $causationId?: string;
  readonly edictBatchStart: number;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The ESDB event id of an event's copy in the log stream: a name-based UUID derived from the
 * port's eventId, so that ESDB never sees one id in two streams (its idempotency checks are
 * keyed by event id) while the copy in the event's own stream keeps the eventId itself.
 */
export function logCopyId(eventId: string): string {
  const hex = sha256Hex(`edict-log:${eventId}`);
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The ESDB event for a stored event, the same in the log stream and in the event's own stream
 * but for its id: data is the whole StoredEvent (so its hash can be checked from either copy), and
 * ESDB metadata carries `$correlationId`/`$causationId` for ESDB's own tooling plus the batch
 * start. None of the ESDB metadata is hashed.
 */
export function toEsdbEvent(event: StoredEvent, batchStart: number, id: string = event.eventId): EventData {
  const metadata: EsdbMetadata = {
    $correlationId: text(event.metadata.correlationId),
    $causationId: text(event.metadata.causationId),
    edictBatchStart: batchStart,
  };
  return jsonEvent({ id, type: event.type, data: { ...event }, metadata: { ...metadata } });
}

/** Reads back what toEsdbEvent wrote; throws if the ESDB event is not one of ours. */
export function fromEsdbEvent(resolved: ResolvedEvent): EsdbRecord {
  const recorded = resolved.event;
  if (!recorded || !recorded.isJson) throw new Error('not an Edict event: missing or not JSON');
  const data = recorded.data as unknown as StoredEvent;
  const reason = malformedReason(data);
  if (reason) throw new Error(`not an Edict event in ${recorded.streamId}@${recorded.revision}: ${reason}`);
  const metadata = recorded.metadata as Partial<EsdbMetadata> | undefined;
  const batchStart = typeof metadata?.edictBatchStart === 'number' ? metadata.edictBatchStart : data.position;
  return { event: data, batchStart, esdbRevision: Number(recorded.revision) };
}
