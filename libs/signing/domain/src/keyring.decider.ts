import type { KeyringEvent, SigningKeyRegistered } from '@edict/contracts';
import { assertNever, canonicalJson, ConflictError, NotFoundError, ValidationError, type Decider } from '@edict/core';

type KeyToRegister = Omit<SigningKeyRegistered['data'], 'registeredAt'> & { readonly at: string };

/**
 * `RegisterKey` adds a key, which then signs (rotation); `RegisterInitialKey` adds the key a
 * replica was started with only while the keyring is empty, so a replica booting with an old or
 * stray key file never takes over signing.
 */
export type KeyringCommand =
  | { readonly type: 'RegisterKey'; readonly data: KeyToRegister }
  | { readonly type: 'RegisterInitialKey'; readonly data: KeyToRegister }
  | { readonly type: 'RetireKey'; readonly data: { readonly kid: string; readonly at: string } };

export interface KeyEntry {
  readonly kid: string;
  readonly alg: SigningKeyRegistered['data']['alg'];
  readonly publicJwk: Readonly<Record<string, unknown>>;
  readonly registeredAt: string;
  readonly retiredAt?: string;
}

export interface KeyringState {
  /** in registration order: the last one not retired signs */
  readonly keys: readonly KeyEntry[];
}

// JWK members that hold private key material (RFC 7518 §6): they must never reach the store,
// which is immutable and exported, nor the JWKS built from it.
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

function decideKeyring(command: KeyringCommand, state: KeyringState): KeyringEvent[] {
  const existing = state.keys.find((k) => k.kid === command.data.kid);
  switch (command.type) {
    case 'RegisterInitialKey':
      return state.keys.length === 0 ? decideKeyring({ ...command, type: 'RegisterKey' }, state) : [];
    case 'RegisterKey': {
      const { at, ...key } = command.data;
      const secret = PRIVATE_JWK_MEMBERS.filter((member) => member in key.publicJwk);
      if (secret.length > 0) {
        throw new ValidationError('KEYRING.PRIVATE_KEY_MATERIAL', `key ${key.kid} carries private members (${secret.join(', ')}); register the public JWK only`);
      }
      if (existing) {
        if (canonicalJson(existing.publicJwk) === canonicalJson(key.publicJwk)) return [];
        throw new ConflictError('KEYRING.KID_REUSED', `key id ${key.kid} is already registered with another key`);
      }
      return [{ type: 'SigningKeyRegistered', data: { ...key, registeredAt: at } }];
    }
    case 'RetireKey':
      if (!existing) throw new NotFoundError('KEYRING.KEY_NOT_FOUND', `no key ${command.data.kid}`);
      if (existing.retiredAt) return [];
      if (!state.keys.some((k) => !k.retiredAt && k.kid !== existing.kid)) {
        throw new ConflictError('KEYRING.LAST_ACTIVE_KEY', `${existing.kid} is the only key not retired; rotate first, then retire it`);
      }
      return [{ type: 'SigningKeyRetired', data: { kid: command.data.kid, retiredAt: command.data.at } }];
    default:
      return assertNever(command, 'keyring command');
  }
}

function evolveKeyring(state: KeyringState, event: KeyringEvent): KeyringState {
  switch (event.type) {
    case 'SigningKeyRegistered':
      return { keys: [...state.keys, { ...event.data }] };
    case 'SigningKeyRetired':
      return { keys: state.keys.map((k) => (k.kid === event.data.kid ? { ...k, retiredAt: event.data.retiredAt } : k)) };
    default:
      return assertNever(event, 'keyring event');
  }
}

/**
 * The `keyring` aggregate: public keys by id, with rotation. A key not retired verifies; the
 * newest of them signs. A retired key verifies nothing any more, anywhere.
 */
export const keyringDecider: Decider<KeyringCommand, KeyringEvent, KeyringState> = {
  initialState: () => ({ keys: [] }),
  decide: decideKeyring,
  evolve: evolveKeyring,
};
