import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { InfraError } from './infra-error';
import type { StartedComponent } from './infra-handle';
import { logTails } from './log-tail';
import { guardAgainstOrphans } from './orphan-guard';
import { findPostgresBinDir } from './postgres-binaries';
import { initdbArgs, postgresServerOptions, postgresUrl } from './postgres-config';
import { clusterOwner } from './postgres-owner';
import { trackResource } from './process-cleanup';
import { runCommand } from './run-command';

// Immediate shutdown of the postmaster named in the pid file (it takes its backends along).
const ORPHAN_CLEANUP = 'pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null) && kill -QUIT "$pid"; sleep 1; rm -rf "$1"';

/**
 * Creates a private cluster with initdb in a fresh temp folder, starts it with pg_ctl on a free
 * port of 127.0.0.1 (unix socket in the same folder) and creates the database `edict`.
 */
export async function startLocalPostgres(stopOnSignals: boolean): Promise<StartedComponent<string>> {
  const bin = findPostgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'edict-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const asOwner = clusterOwner(dir);
  const pgCtl = (args: string[]): [string, string[]] => asOwner(join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
  const run = ([file, args]: [string, string[]], timeoutMs: number): Promise<string> =>
    runCommand(file, args, { errorCode: 'INFRA.POSTGRES_START_FAILED', timeoutMs });

  let port = 0;
  try {
    await run(asOwner(join(bin, 'initdb'), initdbArgs(dataDir)), 120_000);
    port = await freePort();
    await run(pgCtl(['-l', logFile, '-w', '-t', '60', '-o', postgresServerOptions({ port, socketDir: dir }), 'start']), 90_000);
  } catch (error) {
    const message = `${(error as Error).message}\n${logTails([logFile])}`;
    rmSync(dir, { recursive: true, force: true });
    throw new InfraError('INFRA.POSTGRES_START_FAILED', message);
  }

  const cancelGuard = guardAgainstOrphans(ORPHAN_CLEANUP, [dir]);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= run(pgCtl(['-m', 'fast', '-w', '-t', '30', 'stop']), 60_000).then(() => {
      cancelGuard();
      rmSync(dir, { recursive: true, force: true });
      untrack();
    }));
  const stopSync = (): void => {
    const [file, args] = pgCtl(['-m', 'immediate', '-w', '-t', '10', 'stop']);
    spawnSync(file, args, { stdio: 'ignore', timeout: 15_000 });
    cancelGuard();
    rmSync(dir, { recursive: true, force: true });
  };
  const untrack = trackResource({ name: `postgres (${dir})`, stop, stopSync }, stopOnSignals);

  const client = new Client({ connectionString: postgresUrl(port, 'postgres') });
  try {
    await client.connect();
    await client.query('CREATE DATABASE edict');
  } catch (error) {
    await stop();
    throw new InfraError('INFRA.POSTGRES_START_FAILED', `could not create database edict on port ${String(port)}: ${String(error)}`);
  } finally {
    await client.end();
  }
  return { value: postgresUrl(port, 'edict'), source: 'local', detail: `127.0.0.1:${String(port)} (${bin}, data in ${dir})`, stop };
}
