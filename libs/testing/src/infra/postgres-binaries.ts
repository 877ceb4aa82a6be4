import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { InfraError } from './infra-error';

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** Of `<root>/<major>/bin` folders, the one with the highest major version. */
export function pickNewestBinDir(root: string, majors: readonly string[]): string | undefined {
  const newest = majors
    .filter((m) => /^\d+(\.\d+)?$/.test(m))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0];
  return newest === undefined ? undefined : join(root, newest, 'bin');
}

/**
 * The folder holding initdb, pg_ctl and postgres: `$PG_BIN_DIR` if set, else the newest
 * Debian install under /usr/lib/postgresql/<major>/bin, else the folder on PATH with initdb.
 */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BIN_DIR) return env.PG_BIN_DIR;
  const installed = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT).filter((major) => existsSync(join(DEBIAN_ROOT, major, 'bin', 'initdb')))
    : [];
  const debian = pickNewestBinDir(DEBIAN_ROOT, installed);
  if (debian) return debian;
  const onPath = (env.PATH ?? '').split(delimiter).find((dir) => dir && existsSync(join(dir, 'initdb')));
  if (onPath) return onPath;
  throw new InfraError(
    'INFRA.POSTGRES_START_FAILED',
    'no PostgreSQL server binaries (initdb) found under /usr/lib/postgresql/*/bin or on PATH: apt-get install postgresql, or set PG_BIN_DIR',
  );
}
