import { sha256Hex } from '@edict/core';
import type { StoredEvent } from '../port/event-store.port';
import { plainCanonicalJson } from './plain-canonical-json';

/** previousHash of the first event of the global log: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers (everything stored except the two hashes). */
export type HashedEventFields = Pick<
  StoredEvent,
  'eventId' | 'streamId' | 'revision' | 'position' | 'type' | 'data' | 'metadata' | 'recordedAt'
>;

/**
 * The RFC 8785 (JCS) canonical JSON of an event's hashed fields. Fields are picked one by one so
 * that extra properties (the hashes themselves, anything an export adds) never change the digest.
 * The eight keys are written in their JCS order (data < eventId < metadata < position <
 * recordedAt < revision < streamId < type) instead of being sorted per event; each value is
 * printed by plainCanonicalJson (an undefined field, only in a tampered line, takes the general
 * path, which leaves it out). The text is canonicalJson's of the picked object (unit spec).
 */
export const canonicalEvent = (event: HashedEventFields): string =>
  event.data === undefined || event.eventId === undefined || event.metadata === undefined || event.position === undefined ||
  event.recordedAt === undefined || event.revision === undefined || event.streamId === undefined || event.type === undefined
    ? plainCanonicalJson({ data: event.data, eventId: event.eventId, metadata: event.metadata, position: event.position, recordedAt: event.recordedAt, revision: event.revision, streamId: event.streamId, type: event.type })
    : `{"data":${plainCanonicalJson(event.data)},"eventId":${plainCanonicalJson(event.eventId)},"metadata":${plainCanonicalJson(event.metadata)}` +
    `,"position":${plainCanonicalJson(event.position)},"recordedAt":${plainCanonicalJson(event.recordedAt)},"revision":${plainCanonicalJson(event.revision)}` +
    `,"streamId":${plainCanonicalJson(event.streamId)},"type":${plainCanonicalJson(event.type)}}`;

/**
 * `hash = sha256(previousHash ‖ canonical(event))` as lower-case hex: SHA-256 over the UTF-8
 * bytes of the previous hash (64 lower-case hex characters) immediately followed by the
 * canonical JSON of the event. Pure; used on write by the adapters and on read by verifyChain.
 */
export const computeEventHash = (previousHash: string, event: HashedEventFields): string =>
  sha256Hex(previousHash + canonicalEvent(event));
