/**
 * The event store port (ARCHITECTURE.md "Event sourcing"). Adapters: PostgreSQL (default) and
 * EventStoreDB; both must pass libs/event-store's contract suite.
 */

/** Who and what caused an event; carried from HTTP through Kafka (STYLE.md §13). */
export interface EventMetadata {
  readonly correlationId?: string;
  readonly causationId?: string;
  /** subject of the caller's token, or `system:<service>` */
  readonly actor?: string;
  readonly [key: string]: unknown;
}

/** An event to append. `eventId` is generated (UUID v4) when absent. */
export interface NewEvent {
  readonly eventId?: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
}

/** An event as stored: immutable, with its place in its stream and in the global log. */
export interface StoredEvent {
  readonly eventId: string;
  readonly streamId: string;
  /** 0-based revision inside its stream */
  readonly revision: number;
  /** 1-based position in the global log; gap-free in Postgres */
  readonly position: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  /** ISO-8601 time the store recorded it */
  readonly recordedAt: string;
  /** hex sha256 of the previous event's hash (or 64 zeros) ‖ canonical(event); see hash-chain.ts */
  readonly hash: string;
  readonly previousHash: string;
}

/**
 * What the caller expects the stream's current revision to be:
 * a number (the revision of its last event), `no_stream`, `stream_exists` or `any`.
 */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export interface AppendResult {
  /** revision of the last event appended */
  readonly revision: number;
  /** global position of the last event appended */
  readonly position: number;
  readonly events: readonly StoredEvent[];
}

export interface ReadAllOptions {
  /** return events with position strictly greater than this; 0 reads from the start */
  readonly after: number;
  readonly limit?: number;
  /** only streams of these categories (prefix before the first '-') */
  readonly categories?: readonly string[];
}

export interface SubscribeOptions {
  /** checkpoint: the position of the last event already handled; 0 = from the start */
  readonly after: number;
  readonly categories?: readonly string[];
  /** called once per event, in position order; the next event waits for the promise */
  readonly onEvent: (event: StoredEvent) => Promise<void>;
  /** called when onEvent or the store fails; the subscription stops after it */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /**
   * Resolves once the subscription has stopped delivering (an in-flight onEvent has settled).
   * Never rejects. Do not await it from inside onEvent: that would wait for itself.
   */
  stop(): Promise<void>;
  /**
   * Settles when delivery has stopped: resolves after stop(), rejects with the error that ended
   * the subscription otherwise. When no onError was given, observe it (or the failure becomes an
   * unhandled rejection, on purpose: an error is never dropped silently).
   */
  readonly done: Promise<void>;
}

export interface EventStore {
  /** Appends atomically; a stale expected revision throws WrongExpectedRevisionError. */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events in revision order; an unknown stream reads as []. */
  readStream(streamId: string, options?: { readonly fromRevision?: number }): Promise<StoredEvent[]>;
  /** The global log in position order; without `limit`, everything after `after`. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /** Delivers every event after the checkpoint, then new ones as they are appended. */
  subscribe(options: SubscribeOptions): Subscription;
  /** Throws UnavailableError when the store cannot be reached (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** DI token for the EventStore port in Nest modules. */
export const EVENT_STORE = Symbol('EVENT_STORE');
