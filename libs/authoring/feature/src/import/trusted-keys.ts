import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import { StreamIds } from '@edict/contracts';
import { UnavailableError } from '@edict/core';
import type { EventStore } from '@edict/event-store';
import { loadState } from '@edict/messaging';
import { keyringDecider, type TrustedKeyAnswer, type TrustedKeyLookup } from '@edict/signing-domain';

type JwksResolver = (header: { alg: string; kid: string }) => Promise<TrustedKeyAnswer>;

const fromJoseSet = (getKey: (header: { alg: string; kid: string }) => Promise<CryptoKey | Uint8Array>, source: string): JwksResolver => async (header) => {
  try {
    return { status: 'trusted', key: await getKey(header) };
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return { status: 'unknown' };
    throw new UnavailableError('IMPORT.TRUSTED_KEYS_UNAVAILABLE', `the trusted keys could not be read from ${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** A JWKS file, re-read at every import so that a changed trust list needs no restart. */
const fileResolver = (path: string): JwksResolver => async (header) => {
  let jwks: JSONWebKeySet;
  try {
    jwks = JSON.parse(readFileSync(path, 'utf8')) as JSONWebKeySet;
  } catch (error) {
    throw new UnavailableError('IMPORT.TRUSTED_KEYS_UNAVAILABLE', `the trusted keys file ${path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return fromJoseSet(createLocalJWKSet(jwks), path)(header);
};

/**
 * The keys an import trusts. `EDICT_IMPORT_TRUSTED_JWKS` names the source environment's JWKS, a
 * file path or an http(s) URL (its signing service's `/.well-known/jwks.json`); unset, this
 * environment's own keyring, so export → import works against one stack. A key this
 * environment's keyring records as retired is refused as retired whatever the source says (key
 * ids are thumbprints: the same id is the same key); a source JWKS lists no retired keys, so
 * there a retired key is unknown.
 */
export function trustedKeys(store: EventStore, source = process.env['EDICT_IMPORT_TRUSTED_JWKS']?.trim()): TrustedKeyLookup {
  const remote = source && /^https?:\/\//.test(source)
    ? fromJoseSet(createRemoteJWKSet(new URL(source), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 60_000 }), source)
    : undefined;
  const external = remote ?? (source ? fileResolver(source) : undefined);
  return async ({ kid, alg }) => {
    const { state } = await loadState(store, StreamIds.keyring, keyringDecider);
    const own = state.keys.find((k) => k.kid === kid);
    if (own?.retiredAt) return { status: 'retired', retiredAt: own.retiredAt };
    if (external) return external({ kid, alg });
    if (!own || own.alg !== alg) return { status: 'unknown' };
    return { status: 'trusted', key: await importJWK(own.publicJwk as JWK, own.alg) };
  };
}
