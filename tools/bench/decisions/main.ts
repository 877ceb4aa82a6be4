import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CloudEvent } from 'cloudevents';
import { Pool } from 'pg';
import { BaseTopics, cloudEventTypes, type DecisionLogged } from '@edict/contracts';
import { cloudEventToKafka, createKafka, ensureTopics, KafkaPublisher, type EdictCloudEvent } from '@edict/messaging';
import { freePort, spawnService, uniqueName, waitReady } from '@edict/testing';
import { BENCH_POLICY, embeddedDecisionPoint } from './embedded-pdp';
import { producerCeiling } from './producer-ceiling';
import { CpuMeter } from './process-cpu';

const root = resolve(__dirname, '../../../..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 60);
const batchSize = arg('batch', 1000);
const inFlight = arg('in-flight', 4);
// --drain: publish first, then start decision-log on the backlog: measures ingest alone, not the generator
const drain = process.argv.includes('--drain');
// --windows-only: decision-log with EDICT_DECISION_STORE_RAW=false (window counts and offsets, no decision rows); checks the windows' sum
const windowsOnly = process.argv.includes('--windows-only');
// --cpu-prof <dir>: decision-log writes a V8 CPU profile of the run there when it exits (cpu-profile-preload.cjs)
const cpuProfDir = process.argv.includes('--cpu-prof') ? resolve(process.argv[process.argv.indexOf('--cpu-prof') + 1] ?? 'bench-results') : undefined;
const load = (): number => Number(loadavg()[0]?.toFixed(2));
const log = (line: string): void => console.log(`bench:decisions ${line}`);

/** The PDP's CloudEvent for a decision (libs/pdp-feature DecisionLogBuffer.add builds the same, not strict). */
const decisionEvent = (d: DecisionLogged['data']): EdictCloudEvent =>
  new CloudEvent<Record<string, unknown>>({
    id: d.decisionId, type: cloudEventTypes.DecisionLogged, source: '/edict/pdp/bench-pdp', subject: d.policyId, time: d.timestamp,
    datacontenttype: 'application/json', data: { ...d }, partitionkey: d.decisionId,
  }, false);

async function main(): Promise<void> {
  const brokers = process.env['KAFKA_BROKERS'];
  const databaseUrl = process.env['DATABASE_URL'];
  if (!brokers || !databaseUrl) throw new Error('set KAFKA_BROKERS and DATABASE_URL (npm run infra:up prints them)');
  const prefix = `${uniqueName('bench')}.`;
  const topic = `${prefix}${BaseTopics.decisions}`;
  const schema = uniqueName('bench_dl').replace(/-/g, '_');
  const kafka = createKafka('bench-decisions', brokers.split(','));
  await ensureTopics(kafka, [topic, `${topic}.dlq`, `${prefix}${BaseTopics.decisionWindows}`]);
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const logDir = mkdtempSync(join(tmpdir(), 'edict-bench-decisions-'));
  const spawnDecisionLog = async () => spawnService(root, 'decision-log', await freePort(), {
    ...process.env, EDICT_DB_SCHEMA: schema, EDICT_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn', EDICT_DECISION_WINDOW_SECONDS: '1', EDICT_DECISION_ALLOWED_LATENESS_MS: '3000',
    ...(windowsOnly ? { EDICT_DECISION_STORE_RAW: 'false' } : {}),
    ...(cpuProfDir ? { NODE_OPTIONS: `--require ${join(root, 'tools/bench/decisions/cpu-profile-preload.cjs')}`, EDICT_CPU_PROF_DIR: cpuProfDir } : {}),
  }, logDir);
  let service = drain ? undefined : await spawnDecisionLog();
  const publisher = new KafkaPublisher(kafka);
  // CPU of decision-log and of its Postgres backends from decision-log ready to every decision stored: the ingest's cost per decision, whatever the load
  let cpu = new CpuMeter(undefined);
  try {
    if (service) {
      await waitReady(service);
      cpu = new CpuMeter(service.child.pid);
      cpu.sample(true);
    }
    const pdp = await embeddedDecisionPoint();
    log(`decision-log up (logs in ${logDir}); ${seconds} s of load, batches of ${batchSize}, ${inFlight} in flight; load average ${load()}`);
    let answered = 0;
    let published = 0;
    let valueBytes = 0;
    const started = Date.now();
    const deadline = started + seconds * 1000;
    const worker = async (w: number): Promise<void> => {
      while (Date.now() < deadline) {
        const events: EdictCloudEvent[] = [];
        for (let i = 0; i < batchSize; i++) {
          const n = answered++;
          const d = pdp.decide({ policyId: BENCH_POLICY, subject: `user-${w}-${n % 5000}`, request: { agent: 'bench', action: n % 3 === 0 ? 'read' : 'transfer', resource: `acct/${n % 977}`, context: { risk: n % 100 } } });
          events.push(decisionEvent(d));
        }
        if (published === 0) valueBytes = cloudEventToKafka(events[0]!).value.length;
        await publisher.publish(topic, events);
        published += events.length;
      }
    };
    const loadAtStart = load();
    await Promise.all(Array.from({ length: inFlight }, (_, w) => worker(w)));
    const loadSeconds = (Date.now() - started) / 1000;
    const loadAtEnd = load();
    log(`answered ${answered}, published ${published} in ${loadSeconds.toFixed(1)} s; waiting for decision-log`);
    if (!service) {
      service = await spawnDecisionLog();
      await waitReady(service);
      cpu = new CpuMeter(service.child.pid);
      cpu.sample(true);
    }
    const count = async (sql: string): Promise<number> => {
      cpu.sample(); // every poll: a backend pg-pool closes between two samples loses little
      return Number((await pool.query<{ n: string | null }>(sql)).rows[0]?.n ?? 0);
    };
    const waitFor = async (what: string, check: () => Promise<boolean>): Promise<void> => {
      const until = Date.now() + 600_000;
      // the tables appear with decision-log's first batch
      while (!(await check().catch(() => false))) {
        if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const d = `"${schema}".decisions`;
    const w = `"${schema}".decision_log_window_counts`;
    const sumOverWindows = `SELECT coalesce(sum(total), 0) AS n FROM ${w}`;
    // windows-only: no stored_at per decision; the first counted batch is seen by polling (every 100 ms), the last is consumer_offsets' newest update
    let firstCounted: Date | undefined;
    const counted = async (): Promise<number> => {
      const n = await count(sumOverWindows);
      if (n > 0 && !firstCounted) firstCounted = new Date();
      return n;
    };
    if (windowsOnly) {
      const until = Date.now() + 600_000;
      while ((await counted().catch(() => 0)) < published) {
        if (Date.now() > until) throw new Error('gave up waiting for every decision counted');
        await new Promise((r) => setTimeout(r, 100));
      }
    } else await waitFor('every decision stored', async () => (await count(`SELECT count(*) AS n FROM ${d}`)) >= published);
    const loadStored = load();
    cpu.sample(true);
    const cpuUsed = cpu.seconds();
    await waitFor('every window closed', async () => (await count(`SELECT coalesce(sum(total), 0) AS n FROM ${w} WHERE revision > 0 AND NOT amended`)) >= published);
    const { rows: [t] } = windowsOnly
      ? await pool.query<{ first: Date; last: Date; p50: number; p99: number }>(`SELECT $1::timestamptz AS first, max(updated_at) AS last, 0 AS p50, 0 AS p99 FROM "${schema}".consumer_offsets`, [firstCounted])
      : await pool.query<{ first: Date; last: Date; p50: number; p99: number }>(
        `SELECT min(stored_at) AS first, max(stored_at) AS last,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - decided_at)) * 1000 AS p50,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - decided_at)) * 1000 AS p99 FROM ${d}`);
    const windowsSum = await count(sumOverWindows);
    const stored = windowsOnly ? windowsSum : await count(`SELECT count(*) AS n FROM ${d}`);
    const distinct = windowsOnly ? stored : await count(`SELECT count(DISTINCT decision_id) AS n FROM ${d}`);
    const late = await count(`SELECT coalesce(sum(late), 0) AS n FROM ${w}`);
    const storeSeconds = Math.max(0.001, ((t?.last.getTime() ?? 0) - started) / 1000);
    const drainSeconds = Math.max(0.001, ((t?.last.getTime() ?? 0) - (t?.first.getTime() ?? 0)) / 1000);
    const storedPerSecond = Math.round(drain ? stored / drainSeconds : stored / Math.max(loadSeconds, storeSeconds));
    const perDecisionUs = (seconds: number): number => Math.round((seconds / Math.max(1, stored)) * 1e6 * 10) / 10;
    const cpuPerDecisionUs = {
      decisionLog: perDecisionUs(cpuUsed.client),
      postgres: perDecisionUs(cpuUsed.postgres),
      note: 'CPU (user + system) from decision-log ready to every decision stored, per decision; postgres: the backends connected to decision-log (process-cpu.ts)',
    };
    log(`CPU per decision: decision-log ${cpuPerDecisionUs.decisionLog} µs, its Postgres backends ${cpuPerDecisionUs.postgres} µs`);
    log(`stored ${stored} (${storedPerSecond}/s), sum over windows ${windowsSum}, late ${late}; running kafka-producer-perf-test for the ceiling`);
    const ceiling = producerCeiling(brokers, `${prefix}perf-ceiling`, Math.max(100_000, Math.min(published, 1_000_000)), valueBytes);
    const loadCeiling = load();
    const result = {
      when: new Date().toISOString(),
      machine: { cores: (await import('node:os')).cpus().length, shared: 'with other engineers\' tests and stacks at the time of the run' },
      settings: { mode: drain ? 'drain (decision-log started on the published backlog)' : 'live', storeRaw: !windowsOnly, seconds, batchSize, inFlight, partitions: 3, windowSeconds: 1, allowedLatenessMs: 3000, messageValueBytes: valueBytes },
      answered: { total: answered, perSecond: Math.round(answered / loadSeconds), loadAverage: { start: loadAtStart, end: loadAtEnd } },
      published: { total: published, perSecond: Math.round(published / loadSeconds), loadAverage: loadAtEnd },
      stored: { total: stored, perSecond: storedPerSecond, seconds: Number(storeSeconds.toFixed(1)), loadAverage: loadStored },
      cpuPerDecisionUs,
      endToEndLagMs: windowsOnly ? 'not measured (windows-only: no stored_at per decision)' : { p50: Math.round(t?.p50 ?? 0), p99: Math.round(t?.p99 ?? 0) },
      countCheck: { sent: published, stored, duplicates: windowsOnly ? 'not applicable (windows-only: counted once per offset)' : stored - distinct, sumOverWindows: windowsSum, late, ok: stored === published && stored === distinct && windowsSum === stored },
      ceiling: { tool: 'org.apache.kafka.tools.ProducerPerformance (kafka-producer-perf-test) 3.9.2, acks=all', ...ceiling, loadAverage: loadCeiling },
      ratioStoredToCeiling: Number((storedPerSecond / ceiling.recordsPerSecond).toFixed(3)),
      targets: { storedPerSecond: 50_000, ratio: 0.5 },
      note: 'load generator: the embedded @edict/pdp DecisionPoint in this process (the PDP sidecar\'s HTTP is the bottleneck at ~1,200 decisions/s), publishing with KafkaPublisher as the PDP does; decision-log as its own process',
    };
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    writeFileSync(join(root, 'bench-results', windowsOnly ? 'decisions-windows-only.json' : 'decisions.json'), `${JSON.stringify(result, null, 2)}\n`);
    log(`answered ${result.answered.perSecond}/s, published ${result.published.perSecond}/s, ${windowsOnly ? 'counted (windows-only)' : 'stored'} ${storedPerSecond}/s (load ${loadStored}); lag ${windowsOnly ? 'not measured' : `p50 ${Math.round(t?.p50 ?? 0)} ms p99 ${Math.round(t?.p99 ?? 0)} ms`}`);
    log(`count check: sent ${published} = stored ${stored}, ${stored - distinct} duplicates, sum over windows ${windowsSum}, late ${late}: ${result.countCheck.ok ? 'OK' : 'MISMATCH'}`);
    log(`ceiling (kafka-producer-perf-test, ${valueBytes} B): ${Math.round(ceiling.recordsPerSecond)}/s (load ${loadCeiling}); stored/ceiling = ${(result.ratioStoredToCeiling * 100).toFixed(1)} % (target ≥ 50 %); target 50,000 stored/s: ${storedPerSecond >= 50_000 ? 'met' : 'not met'}`);
    log(`bench-results/${windowsOnly ? 'decisions-windows-only' : 'decisions'}.json written`);
  } finally {
    await publisher.disconnect().catch(() => undefined);
    await service?.stop();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pool.end();
    const admin = kafka.admin();
    await admin.connect().then(async () => {
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      if (mine.length > 0) await admin.deleteTopics({ topics: mine });
    }).catch(() => undefined).finally(() => void admin.disconnect());
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
