import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { DetachedSigner } from '@edict/core';

/** Distribution's manifest key: the signer, and the public JWK its JWKS serves. */
export interface ManifestKey {
  readonly signer: DetachedSigner;
  readonly publicJwk: JWK & { readonly kid: string; readonly alg: 'ES256'; readonly use: 'sig' };
}

export const MANIFEST_KEY = Symbol('MANIFEST_KEY');

/**
 * Loads the ES256 key distribution signs serving manifests with, from `EDICT_DISTRIBUTION_KEY_FILE`
 * (a private JWK, mounted from a Secret in production). When the file does not exist it is
 * generated there (0600): convenient locally, wrong in a cluster. kid = RFC 7638 thumbprint.
 */
export async function loadManifestKey(file = process.env['EDICT_DISTRIBUTION_KEY_FILE'] ?? join(homedir(), '.cache', 'edict', 'keys', 'distribution-key.jwk.json')): Promise<ManifestKey> {
  let jwk: JWK;
  if (existsSync(file)) {
    jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    jwk = await exportJWK(privateKey);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) throw new Error(`${file} is not a private P-256 JWK`);
  const { kty, crv, x, y } = jwk;
  const kid = await calculateJwkThumbprint({ kty, crv, x, y });
  return {
    signer: { kid, alg: 'ES256', privateKey: await importJWK(jwk, 'ES256') },
    publicJwk: { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' },
  };
}

export const manifestKeyProvider = { provide: MANIFEST_KEY, useFactory: () => loadManifestKey() };
