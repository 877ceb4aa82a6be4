import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mintDevToken } from '@edict/service-kit';
import { shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { PdpFleet } from './fleet';
import { OpaFleet, opaBinary } from './opa-fleet';
import { releaseVersions, rollBack, rollOut } from './release';
import { cpuMs, load, opaPollingBaseline, percentile } from './stats';

const root = resolve(__dirname, '../../../..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rollbacks = arg('rollbacks', 20);
const pdps = arg('pdps', 200);
// five PDPs per process thread: a sidecar has its pod's thread to itself, and 25 or 50 PDPs
// sharing one thread queue behind each other's verify and compile
const processes = arg('processes', Math.ceil(pdps / 5));
const steadySeconds = arg('steady-seconds', 60);
const opaAgents = arg('opa-agents', 10);
const log = (line: string): void => console.error(`bench:propagation ${line}`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

/**
 * Time from a rollback command to every Edict PDP serving the previous version: the whole stack
 * as processes on the shared infra, `pdps` PDPs (ServingSyncService long polls, `processes` child
 * processes) and `rollbacks` rounds of roll out 1.k.0 to 100 % → roll back to 1.0.0; beside them
 * `opaAgents` stock `opa` agents long polling the Rego policy org/egress, rolled out and back in the
 * same rounds (both rollbacks commanded at once, each fleet timed from that instant). Also
 * distribution's CPU per PDP per minute while nothing changes (with the PDPs minus without them),
 * and OPA's default polling computed. Push (each PDP's own Kafka consumer) is not in the fleet:
 * this measures the long poll alone.
 */
async function main(): Promise<void> {
  const brokers = process.env['KAFKA_BROKERS'];
  const databaseUrl = process.env['DATABASE_URL'];
  if (!brokers || !databaseUrl) throw new Error('set KAFKA_BROKERS and DATABASE_URL (npm run infra:up prints them)');
  const logDir = mkdtempSync(join(tmpdir(), 'edict-bench-propagation-'));
  const fleet = new PdpFleet(pdps, processes);
  const opa = opaAgents > 0 ? new OpaFleet(opaBinary(root), logDir, opaAgents) : undefined;
  let stack: Stack | undefined;
  const stop = async (): Promise<void> => {
    fleet.stop();
    await opa?.stop();
    await stack?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop().finally(() => process.exit(130)));
  try {
    stack = await startStack({
      kafkaBrokers: brokers.split(','), databaseUrl, schema: uniqueName('bench_prop').replace(/-/g, '_'), logDir,
      env: { EDICT_TOPIC_PREFIX: `${uniqueName('prop')}.`, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', LOG_LEVEL: 'warn' },
    });
    const client = new StackClient(stack.env);
    log(`stack up (logs in ${logDir}); load average ${load()}`);
    const file = join(root, 'examples/bundles/org/baseline.yaml');
    const { policyId } = await shipBundle(client, file);
    const versions = Array.from({ length: rollbacks }, (_, k) => `1.${k + 1}.0`);
    await releaseVersions(client, file, versions);
    const rego = join(root, 'examples/bundles/org/egress.rego.yaml');
    const regoPolicy = opa ? (await shipBundle(client, rego)).policyId : '';
    if (opa) await releaseVersions(client, rego, versions);
    log(`${policyId} 1.0.0 serving, ${versions.length} more versions signed; starting ${pdps} PDPs in ${processes} processes; load average ${load()}`);
    const distributionUrl = client.url('distribution');
    const distributionPid = stack.services.distribution.child.pid ?? 0;
    // distribution's own idle cost (relay, Kafka consumers, metrics) before any bench PDP polls it
    const idleBefore = cpuMs(distributionPid);
    await sleep(steadySeconds * 1000);
    const idleCpuMs = cpuMs(distributionPid) - idleBefore;
    const token = await mintDevToken({ subject: 'system:pdp', roles: ['pdp'], ttlSeconds: 3600 });
    await fleet.start(policyId, distributionUrl, `${client.url('signing')}/.well-known/jwks.json`, { ...process.env, EDICT_PDP_TOKEN: token, LOG_LEVEL: 'error' });
    await fleet.reached('1.0.0');
    await opa?.start(client, regoPolicy, '1.0.0');
    await opa?.reached(regoPolicy, '1.0.0');

    const steadyLoad = load();
    const cpuBefore = cpuMs(distributionPid);
    await sleep(steadySeconds * 1000);
    const steadyCpuMs = cpuMs(distributionPid) - cpuBefore;
    // what the PDPs add: CPU with them minus CPU without them over the same time (clock ticks of 10 ms)
    const cpuPerPdpPerMinuteMs = Math.max(0, steadyCpuMs - idleCpuMs) / pdps / (steadySeconds / 60);
    log(`steady state: distribution used ${steadyCpuMs} ms CPU in ${steadySeconds} s with ${pdps} PDPs long polling, ${idleCpuMs} ms without them (${round(cpuPerPdpPerMinuteMs, 3)} ms per PDP per minute); load average ${steadyLoad} → ${load()}`);

    const everyAgent: number[] = [];
    const everyPdp: number[] = [];
    const eachPdp: number[] = [];
    const loads: number[] = [];
    for (const version of versions) {
      await Promise.all([rollOut(client, policyId, version), opa ? rollOut(client, regoPolicy, version) : undefined]);
      await Promise.all([fleet.reached(version), opa?.reached(regoPolicy, version)]);
      const commanded = Date.now();
      const agentsBack = opa ? Promise.all([rollBack(client, regoPolicy)]).then(() => opa.reached(regoPolicy, '1.0.0')) : Promise.resolve([]);
      await rollBack(client, policyId);
      const times = (await fleet.reached('1.0.0')).map((at) => at - commanded);
      const agentTimes = (await agentsBack).map((at) => at - commanded);
      if (opa) everyAgent.push(Math.max(...agentTimes));
      everyPdp.push(Math.max(...times));
      eachPdp.push(...times);
      loads.push(load());
      log(`rolled back ${version}: every PDP on 1.0.0 after ${Math.max(...times)} ms (median PDP ${percentile(times, 50)} ms)${opa ? `, every opa agent after ${Math.max(...agentTimes)} ms` : ''}; load average ${load()}`);
    }
    const baseline = opaPollingBaseline(pdps);
    const agentsBaseline = opaPollingBaseline(Math.max(1, opaAgents));
    const p99 = percentile(everyPdp, 99);
    const agentsP99 = percentile(everyAgent, 99);
    const result = {
      benchmark: 'propagation',
      at: new Date().toISOString(),
      pdps, processes, rollbacks,
      rollbackToEveryPdpMs: { p50: percentile(everyPdp, 50), p99, max: Math.max(...everyPdp), runs: everyPdp },
      rollbackToEachPdpMs: { p50: percentile(eachPdp, 50), p99: percentile(eachPdp, 99) },
      targetP99Ms: 1000,
      met: p99 <= 1000,
      opaAgents: opa ? {
        agents: opaAgents,
        rollbackToEveryAgentMs: { p50: percentile(everyAgent, 50), p99: agentsP99, max: Math.max(...everyAgent), runs: everyAgent },
        targetP99Ms: 3000,
        met: agentsP99 <= 3000,
        defaultPollingEveryAgentSeconds: { p50: round(agentsBaseline.p50), p99: round(agentsBaseline.p99), computed: true },
        ratio: { defaultPollingP99OverLongPollP99: round((agentsBaseline.p99 * 1000) / agentsP99, 0) },
      } : null,
      steadyState: { seconds: steadySeconds, distributionCpuMsWithPdps: steadyCpuMs, distributionCpuMsWithoutPdps: idleCpuMs, cpuPerPdpPerMinuteMs: round(cpuPerPdpPerMinuteMs, 3), loadAverage: steadyLoad },
      opaDefaultPollingBaseline: { minDelaySeconds: 60, maxDelaySeconds: 120, agents: pdps, everyAgentSeconds: { p50: round(baseline.p50), p99: round(baseline.p99) }, perAgentMeanSeconds: round(baseline.perAgentMean), computed: true },
      ratio: { opaPollingP99OverEdictP99: round((baseline.p99 * 1000) / p99, 0) },
      loadAverage: { during: loads, cores: 2 },
    };
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    writeFileSync(join(root, 'bench-results', 'propagation.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    log(`rollback → every PDP: p50 ${result.rollbackToEveryPdpMs.p50} ms, p99 ${p99} ms (target ≤ 1000 ms: ${result.met ? 'met' : 'NOT met'}); OPA's default polling: p99 ${round(baseline.p99)} s (${result.ratio.opaPollingP99OverEdictP99}× slower)`);
    if (result.opaAgents) log(`rollback → every opa agent: p50 ${result.opaAgents.rollbackToEveryAgentMs.p50} ms, p99 ${agentsP99} ms (target ≤ 3000 ms: ${result.opaAgents.met ? 'met' : 'NOT met'}); their default polling would take p99 ${round(agentsBaseline.p99)} s`);
  } finally {
    await stop();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
