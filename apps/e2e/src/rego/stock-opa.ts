import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@edict/testing';

/** How a stock `opa run --server` ended up: serving the bundle on a port, or exited with its output. */
export type OpaOutcome = { readonly ready: true; readonly port: number } | { readonly ready: false; readonly code: number | null; readonly output: string };

/**
 * Stock opa processes (OPA_PATH) loading a signed bundle with `--verification-key`; `stop()` ends
 * every one this started.
 */
export class StockOpa {
  private readonly started: ChildProcess[] = [];

  constructor(private readonly opaPath: string) {}

  /** Starts opa on the tarball; resolves once /health answers 200, or with how the process exited. */
  async run(tarball: string, verification: { readonly pem: string; readonly kid: string }): Promise<OpaOutcome> {
    const port = await freePort();
    const args = ['run', '--server', '--addr', `127.0.0.1:${port}`, '--bundle', '--verification-key', verification.pem, '--verification-key-id', verification.kid, '--signing-alg', 'ES256', tarball];
    const child = spawn(this.opaPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.started.push(child);
    let output = '';
    let gone = false;
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<OpaOutcome>((resolve) => child.once('close', (code) => ((gone = true), resolve({ ready: false, code, output }))));
    const healthy = new Promise<OpaOutcome>((resolve) => void poll(port, () => gone).then((ok) => ok && resolve({ ready: true, port })));
    return Promise.race([healthy, exited]);
  }

  /** `POST /v1/data/<path>` with the input: the result document. */
  static async query(port: number, path: string, input: unknown): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${port}/v1/data/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
    return ((await response.json()) as { result?: unknown }).result;
  }

  async stop(): Promise<void> {
    const running = this.started.filter((child) => child.exitCode === null && child.signalCode === null);
    await Promise.all(running.map((child) => new Promise<void>((resolve) => (child.once('close', () => resolve()), child.kill('SIGTERM')))));
  }
}

async function poll(port: number, gone: () => boolean): Promise<boolean> {
  while (!gone()) {
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50)); // poll interval, not an assertion delay
  }
  return false;
}
