import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { InfraError } from './infra-error';
import type { StartedComponent } from './infra-handle';
import { trackResource } from './process-cleanup';

const nothingToStop = (): Promise<void> => Promise.resolve();

/** Fails unless `path` is a file this process may execute. */
function assertExecutable(path: string): void {
  try {
    accessSync(path, constants.X_OK);
  } catch (error) {
    throw new InfraError('INFRA.OPA_UNAVAILABLE', `OPA_PATH=${path} is not an executable file: ${String(error)}`);
  }
}

/**
 * A real `opa` binary: `OPA_PATH` from the environment, else whatever tools/ensure-opa.sh
 * prints (the cached build, built with `go install` on first use). The script's progress goes
 * straight to stderr, because a first build takes a minute or two.
 */
export async function resolveOpa(root: string, envPath: string | undefined, stopOnSignals: boolean): Promise<StartedComponent<string>> {
  if (envPath !== undefined) {
    assertExecutable(envPath);
    return { value: envPath, source: 'env', detail: envPath, stop: nothingToStop };
  }
  const env = { ...process.env };
  delete env.OPA_PATH; // an empty OPA_PATH must not reach the script
  const script = join(root, 'tools', 'ensure-opa.sh');
  // Its own process group, so an interrupted run can stop the whole build (bash, go, compilers).
  const child = spawn('bash', [script], { env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const killBuild = (): void => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  const untrack = trackResource({ name: 'ensure-opa.sh', stop: () => Promise.resolve(killBuild()), stopSync: killBuild }, stopOnSignals);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve)).finally(untrack);
  const path = stdout.trim();
  if (code !== 0 || !path) {
    throw new InfraError('INFRA.OPA_UNAVAILABLE', `${script} exited with ${String(code)} (see its messages above on stderr)`);
  }
  assertExecutable(path);
  return { value: path, source: 'local', detail: path, stop: nothingToStop };
}
