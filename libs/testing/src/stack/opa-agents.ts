import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from '../infra';

/** What an agent's config needs from the stack: distribution's URL, a pdp token, the key to verify with, the policy. */
export interface AgentSetup {
  readonly agentId: string;
  readonly distributionUrl: string;
  readonly token: string;
  /** kid → SPKI PEM: the keys the agent trusts */
  readonly keys: Readonly<Record<string, string>>;
  /** `signing.keyid`: when set, only that key verifies; unset, the bundle's JWS `kid` picks one of `keys` */
  readonly keyid?: string;
  readonly policyId: string;
  readonly longPollingSeconds: number;
  /** decision-log's base URL: when set, the agent reports every decision to `<url>/opa/logs` (OPA's decision_logs plugin) */
  readonly decisionLogUrl?: string;
}

/**
 * The OPA configuration docs/opa-fleets.md shows, using only OPA's documented keys: one service
 * (Edict's `/opa` base, bearer token, the agent-id header), `keys` with the PEM, one bundle per
 * policy named by its id with `signing.keyid` and long polling, and status reporting to Edict.
 */
export const agentConfig = (s: AgentSetup): Record<string, unknown> => ({
  labels: { fleet: 'e2e', region: 'local' },
  services: {
    edict: {
      url: `${s.distributionUrl}/opa`,
      headers: { 'X-Edict-Agent-Id': s.agentId },
      credentials: { bearer: { token: s.token } },
    },
    ...(s.decisionLogUrl === undefined ? {} : {
      'edict-logs': { url: `${s.decisionLogUrl}/opa`, headers: { 'X-Edict-Agent-Id': s.agentId }, credentials: { bearer: { token: s.token } } },
    }),
  },
  keys: Object.fromEntries(Object.entries(s.keys).map(([kid, pem]) => [kid, { algorithm: 'ES256', key: pem }])),
  bundles: {
    [s.policyId]: {
      service: 'edict',
      resource: `bundles/${s.policyId}`,
      signing: s.keyid ? { keyid: s.keyid } : {},
      // long polling answers at once on a change; the delays only apply if the server does not long-poll
      polling: { min_delay_seconds: 120, max_delay_seconds: 180, long_polling_timeout_seconds: s.longPollingSeconds },
    },
  },
  status: { service: 'edict' },
  ...(s.decisionLogUrl === undefined ? {} : {
    decision_logs: { service: 'edict-logs', reporting: { min_delay_seconds: 1, max_delay_seconds: 2 } },
  }),
});

/** A stock `opa run --server --config-file` per agent; `stop()` ends every one this started. */
export class OpaAgents {
  private readonly started: ChildProcess[] = [];
  private readonly outputs = new Map<string, string[]>();

  constructor(private readonly opaPath: string, private readonly dir: string) {}

  async start(setup: AgentSetup): Promise<number> {
    const port = await freePort();
    const file = join(this.dir, `${setup.agentId}.yaml`);
    writeFileSync(file, stringify(agentConfig(setup)));
    const child = spawn(this.opaPath, ['run', '--server', '--addr', `127.0.0.1:${port}`, '--config-file', file, '--log-level', 'debug'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.started.push(child);
    const output: string[] = [];
    this.outputs.set(setup.agentId, output);
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    return port;
  }

  output(agentId: string): string {
    return (this.outputs.get(agentId) ?? []).join('');
  }

  /** `POST /v1/data/<path>` on an agent: the result, or undefined while it has none. */
  static async query(port: number, path: string, input: unknown): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${port}/v1/data/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
    return ((await response.json()) as { result?: unknown }).result;
  }

  /** The revision of the bundle `name` the agent has activated (OPA keeps manifests at `data.system.bundles`), or undefined before one. */
  static async revision(port: number, name: string): Promise<string | undefined> {
    const response = await fetch(`http://127.0.0.1:${port}/v1/data/system/bundles`);
    const bundles = ((await response.json()) as { result?: Record<string, { manifest?: { revision?: string } }> }).result;
    return bundles?.[name]?.manifest?.revision;
  }

  async stop(): Promise<void> {
    const running = this.started.filter((child) => child.exitCode === null && child.signalCode === null);
    await Promise.all(running.map((child) => new Promise<void>((resolve) => (child.once('close', () => resolve()), child.kill('SIGTERM')))));
  }
}
