import { spawn } from 'node:child_process';

/** How one `opa` invocation ended. `unavailable`: it could not be started at all. */
export type OpaRun =
  | { readonly kind: 'exited'; readonly code: number; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'crashed'; readonly message: string }
  | { readonly kind: 'timeout'; readonly timeoutMs: number };

/** Output beyond this is a misbehaving binary, not a report. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/**
 * Runs `opa <args>` in `cwd` and resolves with how it ended; never rejects. The process gets its
 * own process group, so that on timeout the whole group is killed (a wrapper script's children
 * included) and the pipes close.
 */
export function runOpa(opaPath: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<OpaRun> {
  if (timeoutMs <= 0) return Promise.resolve({ kind: 'timeout', timeoutMs: 0 });
  return new Promise((resolve) => {
    const child = spawn(opaPath, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let ended: OpaRun | undefined;
    const stop = (why: OpaRun): void => {
      ended ??= why;
      // the group, not just the child: a wrapper's children would keep the pipes open
      if (child.pid !== undefined) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the group is already gone */ }
      }
    };
    const timer = setTimeout(() => stop({ kind: 'timeout', timeoutMs }), timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) stop({ kind: 'crashed', message: `opa wrote more than ${MAX_OUTPUT_BYTES} bytes` });
      else into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ kind: 'unavailable', message: `cannot run ${opaPath}: ${error.code ?? error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (ended) resolve(ended);
      else if (code === null) resolve({ kind: 'crashed', message: `opa was killed by ${signal ?? 'a signal'}${stderr ? `: ${stderr.trim()}` : ''}` });
      else resolve({ kind: 'exited', code, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}
