import { categoryOf, cloudEventTypes, type EdictEventType } from '@edict/contracts';
import { computeEventHash, type StoredEvent } from '@edict/event-store';

/** Why the relay will not publish an event: it goes to the topic's DLQ instead, and the log goes on. */
export interface RelayPoison {
  readonly code: 'RELAY.HASH_MISMATCH' | 'RELAY.UNKNOWN_EVENT_TYPE' | 'RELAY.MALFORMED_EVENT';
  readonly message: string;
}

// The field each category's events are keyed and addressed by (the topic table's keys).
const SUBJECT_FIELD: Readonly<Record<string, string>> = { bundle: 'policyId', validation: 'policyId', signature: 'policyId', rollout: 'policyId', incident: 'incidentId' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an event before it is published: its hash must be what its previous hash and content give
 * (a row edited behind the store's back does not match), its type must be one the contracts know,
 * and its data an object carrying the field its topic is keyed by. Pure.
 */
export function relayPoison(event: StoredEvent): RelayPoison | undefined {
  if (computeEventHash(event.previousHash, event) !== event.hash) {
    return { code: 'RELAY.HASH_MISMATCH', message: `event at position ${event.position} does not hash to its stored hash (edited after it was written?)` };
  }
  if (!(cloudEventTypes[event.type as EdictEventType] as string | undefined)) {
    return { code: 'RELAY.UNKNOWN_EVENT_TYPE', message: `event at position ${event.position} has type '${event.type}', which no contract defines` };
  }
  const field = SUBJECT_FIELD[categoryOf(event.streamId)];
  if (!isRecord(event.data) || (field !== undefined && typeof event.data[field] !== 'string')) {
    return { code: 'RELAY.MALFORMED_EVENT', message: `event at position ${event.position} (${event.type}) has no ${field ?? 'object'} data` };
  }
  return undefined;
}
