import type { StoredEvent } from '../port/event-store.port';

const HEX64 = /^[0-9a-f]{64}$/;

const isInt = (n: unknown, min: number): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= min;
const isText = (s: unknown): boolean => typeof s === 'string' && s.length > 0;

/** The hash and previousHash check of malformedReason on its own (undefined when both are 64 lower-case hex). */
export const malformedHashes = (event: StoredEvent): string | undefined =>
  HEX64.test(String(event.hash)) && HEX64.test(String(event.previousHash)) ? undefined : 'hash and previousHash must be 64 lower-case hex characters';

/**
 * malformedReason without the hash check (malformedHashes), in the same order: a verifier that
 * has just found both hashes equal to 64-hex values it computed or verified can skip that check.
 */
export function malformedFieldsReason(event: StoredEvent | null | undefined): string | undefined {
  if (typeof event !== 'object' || event === null) return 'not an object';
  if (!isInt(event.position, 1)) return 'position is not an integer >= 1';
  if (!isInt(event.revision, 0)) return 'revision is not an integer >= 0';
  if (!isText(event.eventId) || !isText(event.streamId) || !isText(event.type)) {
    return 'eventId, streamId and type must be non-empty strings';
  }
  if (typeof event.recordedAt !== 'string') return 'recordedAt is not a string';
  if (typeof event.metadata !== 'object' || event.metadata === null) return 'metadata is not an object';
  return undefined;
}

/**
 * Why a value read from outside (an export, a file) is not shaped like a StoredEvent, or
 * undefined when it is. Content is not judged here: the hash does that.
 */
export function malformedReason(event: StoredEvent | null | undefined): string | undefined {
  return malformedFieldsReason(event) ?? (event ? malformedHashes(event) : undefined);
}
