import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BaseTopics } from '@edict/contracts';
import { createKafka, KafkaPublisher } from '@edict/messaging';
import { mintDevToken } from '@edict/service-kit';
import { people, shipBundle, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { PdpFleet } from '../propagation/fleet';
import { cachedJwks } from '../propagation/jwks-cache';
import { releaseVersions } from '../propagation/release';
import { load, percentile } from '../propagation/stats';
import { DecisionLoad, syncedDecisionPoint } from './decision-load';

const root = resolve(__dirname, '../../../..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 10);
const pdps = arg('pdps', 50);
const perSecond = arg('rate', 1000);
// five PDPs per process thread, as in bench:propagation: a sidecar has its pod's thread to itself
const processes = arg('processes', Math.ceil(pdps / 5));
const log = (line: string): void => console.error(`bench:auto-rollback ${line}`);

/**
 * A canary that denies everything, under `rate` decisions/s: time from its first bad decision to
 * every PDP (a `pdps` fleet long polling, and the load's own PDP) serving stable again, through
 * decision-log's topic → incident-response's fast path (2 s sliding windows) → RollbackRequested
 * → distribution → serving projection → long polls. `runs` canaries of 1.k.0 (baseline.broken).
 */
async function main(): Promise<void> {
  const brokers = process.env['KAFKA_BROKERS'];
  const databaseUrl = process.env['DATABASE_URL'];
  if (!brokers || !databaseUrl) throw new Error('set KAFKA_BROKERS and DATABASE_URL (npm run infra:up prints them)');
  const prefix = `${uniqueName('autorb')}.`;
  const logDir = mkdtempSync(join(tmpdir(), 'edict-bench-auto-rollback-'));
  const fleet = new PdpFleet(pdps, processes);
  const kafka = createKafka('bench-auto-rollback', brokers.split(','));
  const publisher = new KafkaPublisher(kafka);
  let stack: Stack | undefined;
  const stops: (() => void)[] = [];
  const stop = async (): Promise<void> => {
    stops.forEach((s) => s());
    fleet.stop();
    await publisher.disconnect().catch(() => undefined);
    await stack?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop().finally(() => process.exit(130)));
  try {
    stack = await startStack({
      kafkaBrokers: brokers.split(','), databaseUrl, schema: uniqueName('bench_autorb').replace(/-/g, '_'), logDir,
      env: { EDICT_TOPIC_PREFIX: prefix, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', LOG_LEVEL: 'warn' },
    });
    const client = new StackClient(stack.env);
    log(`stack up (logs in ${logDir}); load average ${load()}`);
    const { policyId } = await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    const versions = Array.from({ length: runs }, (_, k) => `1.${k + 1}.0`);
    await releaseVersions(client, join(root, 'examples/bundles/org/baseline.broken.yaml'), versions, '1.1.0');
    const distributionUrl = client.url('distribution');
    const jwks = `${client.url('signing')}/.well-known/jwks.json`;
    const token = await mintDevToken({ subject: 'system:pdp', roles: ['pdp'], ttlSeconds: 3600 });
    process.env['EDICT_PDP_TOKEN'] = token;
    await fleet.start(policyId, distributionUrl, jwks, { ...process.env, LOG_LEVEL: 'error' });
    const { pdp, stop: stopPdp } = await syncedDecisionPoint(distributionUrl, cachedJwks(jwks, 30_000), cachedJwks(`${distributionUrl}/.well-known/jwks.json`, 30_000));
    stops.push(stopPdp);
    const decisions = new DecisionLoad(pdp, publisher, `${prefix}${BaseTopics.decisions}`, policyId, perSecond);
    stops.push(() => decisions.stop());
    decisions.start({ agent: 'coder', action: 'network.connect', resource: 'pypi.org' });
    await fleet.reached('1.0.0');
    log(`${policyId} 1.0.0 serving ${pdps} PDPs, ${runs} broken versions signed, ${perSecond} decisions/s; load average ${load()}`);

    const carol = client.as(people.carol.subject, [...people.carol.roles]);
    const times: number[] = [];
    const loads: number[] = [];
    const until = async (what: string, done: () => Promise<boolean> | boolean, ms = 120_000): Promise<void> => {
      const deadline = Date.now() + ms;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const rolledBack = async (version: string): Promise<boolean> =>
      ((await carol.call<{ archived?: string[] }>('distribution', 'GET', `/v1/rollouts/${encodeURIComponent(policyId)}`)).body.archived ?? []).includes(version);
    for (const version of versions) {
      const started = Date.now();
      const answer = await carol.call('distribution', 'POST', `/v1/rollouts/${encodeURIComponent(policyId)}/start`, { version });
      if (answer.status !== 200) throw new Error(`start ${version}: ${answer.status} ${JSON.stringify(answer.body)}`);
      await until(`a decision by ${version}`, () => decisions.firstBad(version) !== undefined);
      // the load's own PDP: polled every 20 ms
      await until(`the load's PDP back on stable`, () => pdp.loaded().find((p) => p.policyId === policyId)?.canary === null);
      const loadPdpStable = Date.now();
      await until(`${version} rolled back`, () => rolledBack(version));
      const fleetStable = (await fleet.reached('1.0.0')).filter((at) => at > started);
      const firstBad = decisions.firstBad(version) ?? started;
      times.push(Math.max(loadPdpStable, ...fleetStable) - firstBad);
      loads.push(load());
      log(`${version}: first bad decision → every PDP on stable in ${times.at(-1)} ms; load average ${load()}`);
    }
    const p99 = percentile(times, 99);
    const result = {
      benchmark: 'auto-rollback',
      at: new Date().toISOString(),
      runs, pdps, processes, decisionsPerSecond: perSecond, decisionsPerSecondAchieved: decisions.achievedPerSecond(), canaryPercentage: 10, decisionsSent: decisions.sent,
      firstBadDecisionToEveryPdpStableMs: { p50: percentile(times, 50), p99, max: Math.max(...times), runs: times },
      targetP99Ms: 5000,
      met: p99 <= 5000,
      path: 'PDP decision → edict.decisions.v1 → incident-response fast path (2 s sliding window, 50 decisions) → RollbackRequested → distribution → serving projection → PDP long polls',
      loadAverage: { during: loads, cores: 2 },
    };
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    writeFileSync(join(root, 'bench-results', 'auto-rollback.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    log(`first bad decision → every PDP stable: p50 ${result.firstBadDecisionToEveryPdpStableMs.p50} ms, p99 ${p99} ms (target ≤ 5000 ms: ${result.met ? 'met' : 'NOT met'})`);
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
