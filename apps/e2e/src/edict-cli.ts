import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Role } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';
import { repoRoot } from '@edict/testing';

const run = promisify(execFile);

/** What one `edict` run printed, and its exit code (0 when it succeeded). */
export interface CliOut {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export interface EdictCliOptions {
  /** who the token names when a call does not say (default `cli-user`) */
  readonly subject?: string;
  /** more environment for every run, e.g. `{ NO_COLOR: '1' }` */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs the built `edict` CLI (dist/) as a process, with a dev token for the roles (none: no token). */
export type EdictCli = (args: string[], roles?: readonly string[], subject?: string) => Promise<CliOut>;

/**
 * The real CLI against a stack started by the spec: `stackEnv` is read at each call, so it may be
 * created before the stack exists. A failing run is returned with its code, never thrown.
 */
export function edictCli(stackEnv: () => Readonly<Record<string, string>>, options: EdictCliOptions = {}): EdictCli {
  const root = repoRoot();
  const cli = join(root, 'dist/apps/cli/src/main.js');
  return async (args, roles, subject = options.subject ?? 'cli-user') => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...stackEnv(), ...options.env };
    // minted here as `edict auth token` does (incident-lifecycle.e2e still runs that command): one process per run, not two
    if (roles) env['EDICT_TOKEN'] = await mintDevToken({ subject, roles: roles as Role[], ...(env['EDICT_DEV_JWT_SECRET'] ? { secret: env['EDICT_DEV_JWT_SECRET'] } : {}) });
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: root, env });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const failed = error as CliOut;
      return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
    }
  };
}

/** The JSON a successful run printed; a failed run throws with its stderr. */
export function cliJson<T = Record<string, unknown>>(out: CliOut): T {
  if (out.code !== 0) throw new Error(`edict failed (${out.code}): ${out.stderr}`);
  return JSON.parse(out.stdout) as T;
}
