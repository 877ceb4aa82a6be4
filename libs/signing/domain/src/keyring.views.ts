import type { KeyEntry, KeyringState } from './keyring.decider';

/** The key that signs now: the newest one not retired. */
export const activeKey = (state: KeyringState): KeyEntry | undefined => [...state.keys].reverse().find((k) => !k.retiredAt);

/** A key whose signatures are accepted: registered and not retired. */
export const trustedKey = (state: KeyringState, kid: string): KeyEntry | undefined => state.keys.find((k) => k.kid === kid && !k.retiredAt);

/** `active`: signs; `verifying`: not retired, an older key whose signatures still verify; `retired`: refused everywhere. */
export type KeyStatus = 'active' | 'verifying' | 'retired';

export interface KeyView {
  readonly kid: string;
  readonly alg: KeyEntry['alg'];
  readonly status: KeyStatus;
  readonly registeredAt: string;
  readonly retiredAt: string | null;
}

/** Every key with its status, newest first. */
export const keyViews = (state: KeyringState): KeyView[] => {
  const active = activeKey(state)?.kid;
  return [...state.keys].reverse().map((k) => ({
    kid: k.kid,
    alg: k.alg,
    status: k.retiredAt ? 'retired' : k.kid === active ? 'active' : 'verifying',
    registeredAt: k.registeredAt,
    retiredAt: k.retiredAt ?? null,
  }));
};

/** The JWKS document: the keys not retired, so a decision point drops a retired key on its next fetch. */
export const jwksOf = (state: KeyringState): { keys: Record<string, unknown>[] } => ({
  keys: state.keys.filter((k) => !k.retiredAt).map((k) => ({ ...k.publicJwk, kid: k.kid, alg: k.alg, use: 'sig' })),
});
