import { execFileSync } from 'node:child_process';
import { chownSync } from 'node:fs';
import { InfraError } from './infra-error';

/** Turns a command into the one to run as the cluster's owner. */
export type AsOwner = (file: string, args: readonly string[]) => [string, string[]];

/**
 * PostgreSQL refuses to run as root. As root, the cluster folder is given to the `postgres`
 * user and every server tool runs through `runuser -u postgres --`; otherwise tools run as is.
 */
export function clusterOwner(dir: string): AsOwner {
  if (process.getuid?.() !== 0) return (file, args) => [file, [...args]];
  let ids: [number, number];
  try {
    const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    ids = [id('-u'), id('-g')];
  } catch (error) {
    throw new InfraError('INFRA.BAD_ENVIRONMENT', `running as root, but there is no 'postgres' user to run the cluster as: ${String(error)}`);
  }
  chownSync(dir, ...ids);
  return (file, args) => ['runuser', ['-u', 'postgres', '--', file, ...args]];
}
