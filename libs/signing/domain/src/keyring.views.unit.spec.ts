import type { KeyringEvent, SigningKeyRegistered, SigningKeyRetired } from '@edict/contracts';
import { foldEvents } from '@edict/core';
import { keyringDecider } from './keyring.decider';
import { activeKey, jwksOf, keyViews, trustedKey } from './keyring.views';

const T1 = '2025-03-01T10:00:00.000Z';
const T2 = '2025-04-01T10:00:00.000Z';
const jwk = (x: string): Record<string, unknown> => ({ kty: 'OKP', crv: 'Ed25519', x });
const registered = (kid: string, at = T1): SigningKeyRegistered => ({ type: 'SigningKeyRegistered', data: { kid, alg: 'EdDSA', publicJwk: jwk(`x-of-${kid}`), registeredAt: at } });
const retired = (kid: string): SigningKeyRetired => ({ type: 'SigningKeyRetired', data: { kid, retiredAt: T2 } });
const stateOf = (events: KeyringEvent[]) => foldEvents(keyringDecider, events);

describe('activeKey', () => {
  it('is undefined for an empty keyring', () => {
    expect(activeKey(keyringDecider.initialState())).toBeUndefined();
  });

  it('is the newest key not retired (rotation)', () => {
    expect(activeKey(stateOf([registered('k1'), registered('k2', T2)]))?.kid).toBe('k2');
    expect(activeKey(stateOf([registered('k1'), registered('k2'), retired('k2')]))?.kid).toBe('k1');
  });
});

describe('trustedKey', () => {
  it('is a registered key not retired; a retired or unknown key is not trusted', () => {
    const state = stateOf([registered('k1'), registered('k2'), retired('k1')]);
    expect(trustedKey(state, 'k2')?.kid).toBe('k2');
    expect(trustedKey(state, 'k1')).toBeUndefined();
    expect(trustedKey(state, 'k9')).toBeUndefined();
  });
});

describe('keyViews', () => {
  it('lists keys newest first: the newest not retired is active, the other live ones verify', () => {
    const state = stateOf([registered('k1'), registered('k2'), registered('k3', T2), retired('k2')]);
    expect(keyViews(state)).toEqual([
      { kid: 'k3', alg: 'EdDSA', status: 'active', registeredAt: T2, retiredAt: null },
      { kid: 'k2', alg: 'EdDSA', status: 'retired', registeredAt: T1, retiredAt: T2 },
      { kid: 'k1', alg: 'EdDSA', status: 'verifying', registeredAt: T1, retiredAt: null },
    ]);
  });
});

describe('jwksOf', () => {
  it('is empty for an empty keyring', () => {
    expect(jwksOf(keyringDecider.initialState())).toEqual({ keys: [] });
  });

  it('lists the keys not retired, with kid, alg and use; a retired key is gone', () => {
    const state = stateOf([registered('k1'), registered('k2'), retired('k1')]);
    expect(jwksOf(state)).toEqual({ keys: [{ ...jwk('x-of-k2'), kid: 'k2', alg: 'EdDSA', use: 'sig' }] });
  });
});
