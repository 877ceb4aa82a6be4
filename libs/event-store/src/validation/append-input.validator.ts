import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '@edict/core';
import { invalidEventStoreInput } from '../errors/event-store.errors';
import type { ExpectedRevision, NewEvent } from '../port/event-store.port';
import { assertJsonValue, normalizeJson } from './json-value.validator';
import type { PendingEvent } from './pending-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** UUID v4 ids from node:crypto; inject another IdGenerator for deterministic tests. */
export const randomEventIds: IdGenerator = { next: () => randomUUID() };

/** A stream id is a non-empty string; `$`-prefixed ids are reserved (EventStoreDB system streams). */
export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw invalidEventStoreInput('stream id must be a non-empty string', { streamId });
  }
  if (streamId.startsWith('$')) {
    throw invalidEventStoreInput('stream ids starting with $ are reserved', { streamId });
  }
}

export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  const ok =
    expected === 'no_stream' || expected === 'stream_exists' || expected === 'any' ||
    (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0);
  if (!ok) throw invalidEventStoreInput(`invalid expected revision ${String(expected)}`, { expected });
}

const prepareEvent = (event: NewEvent, index: number, ids: IdGenerator): PendingEvent => {
  const path = `events[${index}]`;
  const eventId = event.eventId ?? ids.next();
  if (!UUID.test(eventId)) throw invalidEventStoreInput(`${path}.eventId must be a UUID`, { eventId });
  if (typeof event.type !== 'string' || event.type.length === 0) {
    throw invalidEventStoreInput(`${path}.type must be a non-empty string`);
  }
  assertJsonValue(event.type, `${path}.type`);
  assertJsonValue(event.data, `${path}.data`);
  const metadata = event.metadata ?? {};
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw invalidEventStoreInput(`${path}.metadata must be an object`);
  }
  assertJsonValue(metadata, `${path}.metadata`);
  return {
    eventId: eventId.toLowerCase(),
    type: event.type,
    data: normalizeJson(event.data),
    metadata: normalizeJson(metadata) as PendingEvent['metadata'],
  };
};

/**
 * Validates an append's events (ValidationError on an empty list, a bad id or type, non-JSON data
 * or metadata, a repeated id) and returns them as they will be stored.
 */
export function prepareNewEvents(events: readonly NewEvent[], ids: IdGenerator = randomEventIds): PendingEvent[] {
  const list: unknown = events; // callers in plain JS may pass anything
  if (!Array.isArray(list) || list.length === 0) {
    throw invalidEventStoreInput('an append needs at least one event');
  }
  const pending = events.map((event, i) => prepareEvent(event, i, ids));
  if (new Set(pending.map((e) => e.eventId)).size !== pending.length) {
    throw invalidEventStoreInput('event ids must be unique within an append');
  }
  return pending;
}
