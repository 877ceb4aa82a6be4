import type { KeyringEvent, SigningKeyRegistered } from '@edict/contracts';
import { assertNever, canonicalJson, ConflictError, NotFoundError, ValidationError, type Decider } from '@edict/core';

export type KeyringCommand =
  | { readonly type: 'RegisterKey'; readonly data: Omit<SigningKeyRegistered['data'], 'registeredAt'> & { readonly at: string } }
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
      return existing.retiredAt ? [] : [{ type: 'SigningKeyRetired', data: { kid: command.data.kid, retiredAt: command.data.at } }];
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

/** The `keyring` aggregate: public keys by id, with rotation (a retired key still verifies). */
export const keyringDecider: Decider<KeyringCommand, KeyringEvent, KeyringState> = {
  initialState: () => ({ keys: [] }),
  decide: decideKeyring,
  evolve: evolveKeyring,
};

/** The JWKS document: every key, retired ones too, so old signatures still verify. */
export const jwksOf = (state: KeyringState): { keys: Record<string, unknown>[] } => ({
  keys: state.keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: k.alg, use: 'sig' })),
});

/** The key that signs now: the newest one not retired. */
export const activeKey = (state: KeyringState): KeyEntry | undefined => [...state.keys].reverse().find((k) => !k.retiredAt);
