import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A running `opa run --server`, stopped by `stop` (idempotent). */
export interface OpaServer {
  readonly url: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (the kernel picks it; the server is started right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `opa run --server` on 127.0.0.1 with the given Rego files, in OPA's default configuration
 * (no authentication, no bundles) plus `configFile` if given (the benchmark's: decision logs to Edict).
 * GOMAXPROCS=1 gives it one core, like the sidecar's one JavaScript thread and like the
 * in-process `opa bench`. Logs at error level only (the sidecar runs at warn) and never
 * calls home for a version check (this machine reaches package registries only).
 */
export async function startOpaServer(opa: string, files: readonly string[], configFile?: string, readyTimeoutMs = 30_000): Promise<OpaServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['run', '--server', '--addr', `127.0.0.1:${port}`, '--log-level', 'error', '--skip-version-check', '--shutdown-grace-period', '1', ...(configFile ? ['--config-file', configFile] : []), ...files];
  const child = spawn(opa, args, { env: { ...process.env, GOMAXPROCS: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-4000); // the tail is what explains a failed start
  });
  let ended: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      ended ??= signal ?? `code ${String(code)}`;
      resolve();
    });
    // a spawn failure (bad path) emits 'error' and never 'exit'
    child.once('error', (e) => {
      ended ??= e.message;
      resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (ended !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (ended !== undefined) throw new Error(`opa run --server exited (${ended}): ${stderr.trim()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, pid: child.pid, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`opa run --server not healthy after ${readyTimeoutMs} ms: ${stderr.trim()}`);
}
