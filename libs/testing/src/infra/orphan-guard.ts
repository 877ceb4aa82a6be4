import { spawn } from 'node:child_process';

// Runs in a detached shell: wait while the parent lives (a zombie parent counts as gone),
// then run the cleanup with the remaining arguments as $1, $2, ...
const WATCH = [
  'parent=$1; shift',
  'alive() { kill -0 "$parent" 2>/dev/null || return 1; ! grep -qs "^State:[[:space:]]*Z" "/proc/$parent/status"; }',
  'while alive; do sleep 1; done',
].join('\n');

/**
 * Starts a small detached shell that runs `cleanup` (a POSIX sh snippet using $1, $2, …) once
 * this process is gone, even if it was killed with SIGKILL and no exit hook ran. That is what
 * keeps a killed test run from leaving java or postgres behind. Returns the cancel function,
 * called after a normal stop.
 */
export function guardAgainstOrphans(cleanup: string, args: readonly string[]): () => void {
  const child = spawn('sh', ['-c', `${WATCH}\n${cleanup}`, 'edict-orphan-guard', String(process.pid), ...args], {
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', (error) => process.stderr.write(`infra: orphan guard did not start: ${error.message}\n`));
  child.unref();
  return () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL'); // its own process group: the shell and its `sleep`
    } catch (error) {
      // ESRCH: it is already gone, nothing to cancel.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
}
