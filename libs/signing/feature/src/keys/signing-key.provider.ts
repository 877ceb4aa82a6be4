import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSigningKey } from './signing-key.loader';

export const SIGNING_KEY = Symbol('SIGNING_KEY');

/** Nest provider of the signing key; the file defaults to the local cache for the dev stack. */
export const signingKeyProvider = {
  provide: SIGNING_KEY,
  useFactory: () =>
    loadSigningKey(process.env['EDICT_SIGNING_KEY_FILE'] ?? join(homedir(), '.cache', 'edict', 'keys', 'signing-key.jwk.json')),
};
