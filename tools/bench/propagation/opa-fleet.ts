import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mintDevToken } from '@edict/service-kit';
import { OpaAgents, people, type StackClient } from '@edict/testing';

const POLL_MS = 25;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `OPA_PATH`, else whatever tools/ensure-opa.sh prints (it may build opa with `go install`). */
export function opaBinary(root: string): string {
  return process.env['OPA_PATH'] || execFileSync('bash', [join(root, 'tools/ensure-opa.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/**
 * `count` stock `opa` agents configured as docs/opa-fleets.md shows (bundle `policyId` long
 * polling distribution's OPA Bundle API, signing's key), and the time each activates a revision,
 * read from OPA's own `data.system.bundles`.
 */
export class OpaFleet {
  private readonly agents: OpaAgents;
  private readonly ports: number[] = [];

  constructor(opaPath: string, dir: string, private readonly count: number) {
    this.agents = new OpaAgents(opaPath, dir);
  }

  async start(client: StackClient, policyId: string, version: string): Promise<void> {
    const alice = client.as(people.alice.subject, [...people.alice.roles]);
    const signature = await alice.call<{ opa?: { kid: string } }>('signing', 'GET', `/v1/signatures/${encodeURIComponent(policyId)}/versions/${version}`);
    const kid = signature.body.opa?.kid;
    if (!kid) throw new Error(`${policyId}@${version} has no OPA form: ${JSON.stringify(signature.body)}`);
    const pem = await (await fetch(`${client.url('signing')}/v1/keys/${kid}.pem`)).text();
    const token = await mintDevToken({ subject: 'bench-opa', roles: ['pdp'], ttlSeconds: 6 * 3600 });
    for (let n = 0; n < this.count; n++) {
      this.ports.push(await this.agents.start({ agentId: `bench-opa-${n}`, distributionUrl: client.url('distribution'), token, keys: { [kid]: pem }, keyid: kid, policyId, longPollingSeconds: 60 }));
    }
  }

  /** Resolves once every agent has `revision` active, with the time each was first seen with it. */
  async reached(policyId: string, revision: string, timeoutMs = 300_000): Promise<number[]> {
    const seen = new Map<number, number>();
    const deadline = Date.now() + timeoutMs;
    while (seen.size < this.ports.length) {
      if (Date.now() > deadline) throw new Error(`${this.ports.length - seen.size} of ${this.ports.length} opa agents not on ${revision} after ${timeoutMs} ms`);
      await Promise.all(this.ports.filter((p) => !seen.has(p)).map(async (port) => {
        if ((await OpaAgents.revision(port, policyId).catch(() => undefined)) === revision) seen.set(port, Date.now());
      }));
      if (seen.size < this.ports.length) await sleep(POLL_MS);
    }
    return [...seen.values()];
  }

  stop(): Promise<void> {
    return this.agents.stop();
  }
}
