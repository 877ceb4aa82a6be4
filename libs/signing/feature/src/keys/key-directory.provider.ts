import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { KeyDirectory } from './key-directory';

/**
 * `EDICT_SIGNING_KEY_FILE`: the initial key (default: the local cache, for the dev stack);
 * `EDICT_SIGNING_KEY_DIR`: where rotated keys are written and read (default: `keys/` beside the initial key).
 */
export const keyDirectoryProvider = {
  provide: KeyDirectory,
  useFactory: (): KeyDirectory => {
    const initialKeyFile = process.env['EDICT_SIGNING_KEY_FILE'] ?? join(homedir(), '.cache', 'edict', 'keys', 'signing-key.jwk.json');
    return new KeyDirectory({ initialKeyFile, dir: process.env['EDICT_SIGNING_KEY_DIR'] ?? join(dirname(initialKeyFile), 'keys') });
  },
};
