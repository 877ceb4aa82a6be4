import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { DetachedSigner } from '@edict/core';

type PublicManifestJwk = JWK & { readonly kid: string; readonly alg: 'ES256'; readonly use: 'sig' };

/** Distribution's manifest key (the signer and its public JWK) and the previous keys that still verify. */
export interface ManifestKey {
  readonly signer: DetachedSigner;
  readonly publicJwk: PublicManifestJwk;
  /** keys rotated out but still published, so manifests they signed verify until every replica has rotated */
  readonly previous?: readonly PublicManifestJwk[];
}

export const MANIFEST_KEY = Symbol('MANIFEST_KEY');

const readJwk = (file: string): JWK => JSON.parse(readFileSync(file, 'utf8')) as JWK;

async function publicOf(jwk: JWK, file: string): Promise<PublicManifestJwk> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error(`${file} is not a P-256 JWK`);
  const { kty, crv, x, y } = jwk;
  return { kty, crv, x, y, kid: await calculateJwkThumbprint({ kty, crv, x, y }), alg: 'ES256', use: 'sig' };
}

/**
 * Loads the ES256 key distribution signs serving manifests with, from `EDICT_DISTRIBUTION_KEY_FILE`
 * (a private JWK, mounted from a Secret in production). When the file does not exist it is
 * generated there (0600): convenient locally, wrong in a cluster. kid = RFC 7638 thumbprint.
 * `EDICT_DISTRIBUTION_PREVIOUS_KEY_FILES` (comma-separated JWK files, private or public) are keys
 * rotated out: published in the JWKS, never used to sign (docs/operations.md, rotating it).
 */
export async function loadManifestKey(
  file = process.env['EDICT_DISTRIBUTION_KEY_FILE'] ?? join(homedir(), '.cache', 'edict', 'keys', 'distribution-key.jwk.json'),
  previousFiles = (process.env['EDICT_DISTRIBUTION_PREVIOUS_KEY_FILES'] ?? '').split(',').map((f) => f.trim()).filter(Boolean),
): Promise<ManifestKey> {
  let jwk: JWK;
  if (existsSync(file)) {
    jwk = readJwk(file);
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    jwk = await exportJWK(privateKey);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  if (!jwk.d) throw new Error(`${file} holds no private key`);
  const publicJwk = await publicOf(jwk, file);
  const previous = (await Promise.all(previousFiles.map((f) => publicOf(readJwk(f), f)))).filter((k) => k.kid !== publicJwk.kid);
  return { signer: { kid: publicJwk.kid, alg: 'ES256', privateKey: await importJWK(jwk, 'ES256') }, publicJwk, previous };
}

export const manifestKeyProvider = { provide: MANIFEST_KEY, useFactory: () => loadManifestKey() };
