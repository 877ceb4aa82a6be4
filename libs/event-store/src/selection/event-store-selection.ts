import { ValidationError } from '@edict/core';
import { EVENT_STORE_ERROR_CODES } from '../errors/event-store-error-codes';

/** Which adapter a service's event store uses (EDICT_EVENT_STORE, default postgres). */
export type EventStoreSelection =
  | { readonly kind: 'postgres' }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

export const EVENT_STORE_KINDS = ['postgres', 'eventstoredb'] as const;

/**
 * Reads `EDICT_EVENT_STORE` (`postgres` | `eventstoredb`, default `postgres`) and, for
 * `eventstoredb`, `EVENTSTORE_CONNECTION_STRING`. An unknown value or a missing connection
 * string is refused at startup with a stable code, before anything connects.
 */
export function parseEventStoreSelection(env: Readonly<Record<string, string | undefined>>): EventStoreSelection {
  const raw = env['EDICT_EVENT_STORE']?.trim() || 'postgres';
  if (raw === 'postgres') return { kind: 'postgres' };
  if (raw !== 'eventstoredb') {
    throw new ValidationError(
      EVENT_STORE_ERROR_CODES.unknownAdapter,
      `EDICT_EVENT_STORE=${JSON.stringify(raw)} is not an event store; use one of: ${EVENT_STORE_KINDS.join(', ')}`,
      { value: raw, allowed: EVENT_STORE_KINDS },
    );
  }
  const connectionString = env['EVENTSTORE_CONNECTION_STRING']?.trim();
  if (!connectionString) {
    throw new ValidationError(
      EVENT_STORE_ERROR_CODES.connectionStringMissing,
      'EDICT_EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false)',
    );
  }
  return { kind: 'eventstoredb', connectionString };
}
