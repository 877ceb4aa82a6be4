import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where downloads and builds are kept between runs: `$EDICT_CACHE_DIR`, else
 * `~/.cache/edict`. CI can cache this folder (and ~/.m2) to skip the Kafka download.
 */
export function edictCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.EDICT_CACHE_DIR?.trim() || join(homedir(), '.cache', 'edict');
}
