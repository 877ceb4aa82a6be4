import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { trustedKeys } from './trusted-keys';

/** The `TrustedKeyLookup` imports verify envelopes against. */
export const TRUSTED_KEYS = Symbol('TRUSTED_KEYS');

export const trustedKeysProvider = {
  provide: TRUSTED_KEYS,
  inject: [EVENT_STORE],
  useFactory: (store: EventStore) => trustedKeys(store),
};
