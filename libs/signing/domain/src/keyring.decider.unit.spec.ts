import type { SigningKeyRegistered, SigningKeyRetired } from '@edict/contracts';
import { ConflictError, NotFoundError, ValidationError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { keyringDecider, type KeyringCommand } from './keyring.decider';

const spec = deciderSpec(keyringDecider);
const T1 = '2025-03-01T10:00:00.000Z';
const T2 = '2025-04-01T10:00:00.000Z';
const jwk = (x: string): Record<string, unknown> => ({ kty: 'OKP', crv: 'Ed25519', x });

const register = (kid: string, x = `x-of-${kid}`, at = T1): KeyringCommand => ({ type: 'RegisterKey', data: { kid, alg: 'EdDSA', publicJwk: jwk(x), at } });
const registered = (kid: string, x = `x-of-${kid}`, at = T1): SigningKeyRegistered => ({
  type: 'SigningKeyRegistered',
  data: { kid, alg: 'EdDSA', publicJwk: jwk(x), registeredAt: at },
});
const retire = (kid: string): KeyringCommand => ({ type: 'RetireKey', data: { kid, at: T2 } });
const retired = (kid: string): SigningKeyRetired => ({ type: 'SigningKeyRetired', data: { kid, retiredAt: T2 } });

describe('RegisterKey', () => {
  it('registers a public key under its id', () => {
    const state = spec.given([]).when(register('k1')).then([registered('k1')]);
    expect(state.keys).toEqual([{ kid: 'k1', alg: 'EdDSA', publicJwk: jwk('x-of-k1'), registeredAt: T1 }]);
  });

  it('adds nothing when the same key is registered again (every replica registers at start)', () => {
    spec.given([registered('k1')]).when(register('k1')).then([]);
  });

  it('treats the same JWK with members in another order as the same key', () => {
    const reordered: KeyringCommand = { type: 'RegisterKey', data: { kid: 'k1', alg: 'EdDSA', publicJwk: { x: 'x-of-k1', crv: 'Ed25519', kty: 'OKP' }, at: T2 } };
    spec.given([registered('k1')]).when(reordered).then([]);
  });

  it('refuses another key under an id already in use', () => {
    spec.given([registered('k1')]).when(register('k1', 'another-x')).thenThrows('KEYRING.KID_REUSED', ConflictError);
  });

  it.each([
    ['an Ed25519 private key', { ...jwk('x1'), d: 'private' }, 'd'],
    ['an RSA private key', { kty: 'RSA', n: 'n', e: 'AQAB', d: 'd', p: 'p', q: 'q', dp: 'dp', dq: 'dq', qi: 'qi' }, 'd, p, q, dp, dq, qi'],
    ['a shared secret', { kty: 'oct', k: 'secret' }, 'k'],
  ])('refuses %s: private key material never enters the store (nor the JWKS)', (_what, publicJwk, members) => {
    const command: KeyringCommand = { type: 'RegisterKey', data: { kid: 'k1', alg: 'EdDSA', publicJwk, at: T1 } };
    const error = spec.given([]).when(command).thenThrows('KEYRING.PRIVATE_KEY_MATERIAL', ValidationError);
    expect(error.message).toContain(`(${members})`);
  });

  it('refuses to bring back a retired id with another key', () => {
    spec.given([registered('k1'), retired('k1')]).when(register('k1', 'another-x')).thenThrows('KEYRING.KID_REUSED', ConflictError);
  });
});

describe('RegisterInitialKey', () => {
  const initial = (kid: string): KeyringCommand => ({ type: 'RegisterInitialKey', data: { kid, alg: 'EdDSA', publicJwk: jwk(`x-of-${kid}`), at: T1 } });

  it('registers the key a replica starts with when the keyring is empty', () => {
    spec.given([]).when(initial('k1')).then([registered('k1')]);
  });

  it('adds nothing once the keyring has keys: a stray or old key file never takes over signing', () => {
    spec.given([registered('k1'), registered('k2')]).when(initial('k9')).then([]);
    spec.given([registered('k1'), registered('k2'), retired('k1')]).when(initial('k1')).then([]);
  });

  it('still refuses private key material', () => {
    const command: KeyringCommand = { type: 'RegisterInitialKey', data: { kid: 'k1', alg: 'ES256', publicJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' }, at: T1 } };
    spec.given([]).when(command).thenThrows('KEYRING.PRIVATE_KEY_MATERIAL', ValidationError);
  });
});

describe('RetireKey', () => {
  it('retires a key; it stays in the keyring', () => {
    const state = spec.given([registered('k1'), registered('k2')]).when(retire('k1')).then([retired('k1')]);
    expect(state.keys.map((k) => [k.kid, k.retiredAt])).toEqual([['k1', T2], ['k2', undefined]]);
  });

  it('is idempotent', () => {
    spec.given([registered('k1'), registered('k2'), retired('k1')]).when(retire('k1')).then([]);
  });

  it('retires the signing key once another key is not retired: the older one signs again', () => {
    spec.given([registered('k1'), registered('k2')]).when(retire('k2')).then([retired('k2')]);
  });

  it('refuses to retire the only key not retired: something must sign', () => {
    const error = spec.given([registered('k1')]).when(retire('k1')).thenThrows('KEYRING.LAST_ACTIVE_KEY', ConflictError);
    expect(error.message).toContain('rotate first');
    spec.given([registered('k1'), registered('k2'), retired('k1')]).when(retire('k2')).thenThrows('KEYRING.LAST_ACTIVE_KEY', ConflictError);
  });

  it('refuses a key that was never registered', () => {
    spec.given([registered('k1')]).when(retire('k9')).thenThrows('KEYRING.KEY_NOT_FOUND', NotFoundError);
  });
});
