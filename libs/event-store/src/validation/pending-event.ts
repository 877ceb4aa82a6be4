import type { EventMetadata } from '../port/event-store.port';

/** A NewEvent after validation: its id assigned, data and metadata as JSON will store them. */
export interface PendingEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}
