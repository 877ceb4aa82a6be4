import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

type Message = { readonly pdp: number; readonly version: string | undefined; readonly canary: string | null; readonly at: number } | { readonly ready: number };

/**
 * `pdps` Edict PDPs spread over `processes` child processes (pdp-fleet.js), and what each serves:
 * `reached(version, canary)` resolves once every PDP serves that stable version and that canary
 * (none by default), with the time each started to.
 */
export class PdpFleet {
  private readonly children: ChildProcess[] = [];
  private readonly serving = new Map<number, { version: string | undefined; canary: string | null; at: number }>();
  private readonly watchers = new Set<() => void>();
  private readyCount = 0;

  constructor(private readonly pdps: number, private readonly processes: number) {}

  async start(policyId: string, distributionUrl: string, jwksUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
    const per = Math.ceil(this.pdps / this.processes);
    for (let first = 0; first < this.pdps; first += per) {
      const count = Math.min(per, this.pdps - first);
      const args = ['--count', String(count), '--first', String(first), '--policy', policyId, '--distribution', distributionUrl, '--jwks', jwksUrl];
      const child = fork(join(__dirname, 'pdp-fleet.js'), args, { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.on('message', (message: Message) => this.onMessage(message));
      this.children.push(child);
    }
    await this.until(() => this.readyCount === this.pdps);
  }

  /** Resolves with each PDP's time of loading `version` (and `canary`), once all of them have. */
  async reached(version: string, canary: string | null = null): Promise<number[]> {
    const all = (): boolean => this.serving.size === this.pdps && [...this.serving.values()].every((s) => s.version === version && s.canary === canary);
    await this.until(all);
    return [...this.serving.values()].map((s) => s.at);
  }

  pids(): number[] {
    return this.children.map((c) => c.pid ?? 0);
  }

  stop(): void {
    for (const child of this.children) if (child.connected) child.disconnect();
  }

  private onMessage(message: Message): void {
    if ('ready' in message) this.readyCount += message.ready;
    else this.serving.set(message.pdp, { version: message.version, canary: message.canary, at: message.at });
    for (const watch of [...this.watchers]) watch();
  }

  private until(done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const watch = (): void => {
        if (!done()) return;
        this.watchers.delete(watch);
        resolve();
      };
      this.watchers.add(watch);
    });
  }
}
