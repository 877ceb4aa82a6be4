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
 * plainCanonicalJson prints what @edict/core's canonicalJson prints, faster (its unit spec).
 */
export const canonicalEvent = (event: HashedEventFields): string =>
  plainCanonicalJson({
    eventId: event.eventId,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  });

/**
 * `hash = sha256(previousHash ‖ canonical(event))` as lower-case hex: SHA-256 over the UTF-8
 * bytes of the previous hash (64 lower-case hex characters) immediately followed by the
 * canonical JSON of the event. Pure; used on write by the adapters and on read by verifyChain.
 */
export const computeEventHash = (previousHash: string, event: HashedEventFields): string =>
  sha256Hex(previousHash + canonicalEvent(event));
