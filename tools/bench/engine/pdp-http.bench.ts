import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { mintDevToken } from '@edict/service-kit';
import { drive, round2, type LoadPoint } from './autocannon-load';
import type { PdpHttpComparison, SweepRow } from './bench-result.types';
import { Cleanup } from './cleanup';
import { pinForSweep } from './cpu-pinning';
import type { BenchPolicy } from './generate-policy';
import { keepAliveAgent, type HttpTarget } from './http-load';
import { checkParity } from './http-parity';
import { heapSpaces, sampleIdle, waitForCaughtUp, waitForDrainedLog, type IdleSample } from './idle-footprint';
import { opaWorkspace } from './measure-opa';
import { startOpaServer } from './opa-server';
import { removeLogs, startPdpSidecar } from './pdp-sidecar';

/** The fixed sweep; each point bounded in time, so a run is about a minute of load on 127.0.0.1. */
export interface HttpBenchOptions {
  readonly concurrencies: readonly number[];
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly idleSeconds: number;
  /** idle time before each idle sample (after the decision log drained): start-up and load settle first */
  readonly idleSettleSeconds: number;
  readonly paritySample: number;
}
export const HTTP_BENCH_DEFAULTS: HttpBenchOptions = { concurrencies: [1, 4, 16, 64], seconds: 5, warmupSeconds: 1, idleSeconds: 10, idleSettleSeconds: 20, paritySample: 200 };

const OPA_RULE_PATH = '/v1/data/edict/bench/decision'; // package edict.bench, rule decision (generate-policy.ts)

const PDP_PER_REQUEST =
  'the PDP\'s decisions handler (node:http, the lean runtime: no Express or Nest on the request path): correlation context, body read under 1 MiB, ' +
  'UTF-8 and JSON structure checks, bearer token verified (HS256 JWT, cached per token) and role checked, body checked by a compiled JSON Schema (ajv), ' +
  'the policy looked up with the subject\'s canary cohort, evaluate(), Prometheus counters and histograms, the decision masked (default secret keys), ' +
  'a CloudEvent for edict.decisions.v1 queued (sent to Kafka in batches of up to 500 every 200 ms, off the request path, in the same process); ' +
  'answers the full decision record. Node 20, one process, LOG_LEVEL=warn.';
const OPA_PER_REQUEST =
  'OPA server: no authentication or authorization on its API; decision_logs plugin on, posting to Edict\'s decision-log (POST /opa/logs, ' +
  'gzip batches, every 1 s, bearer token); no bundle plugin; parses the input, evaluates data.edict.bench.decision, answers {"result": {"effect", "rule"}}. ' +
  'GOMAXPROCS=1, --log-level error.';

const sampleBoth = async (pdpPid: number, opaPid: number, seconds: number): Promise<{ pdp: IdleSample; opa: IdleSample }> => {
  const [pdp, opa] = await Promise.all([sampleIdle(pdpPid, seconds), sampleIdle(opaPid, seconds)]);
  return { pdp, opa };
};

/**
 * The PDP sidecar's `POST /v1/decisions` against OPA's `POST /v1/data/...`, same policy (the
 * 100-rule benchmark policy, as an Edict bundle and as Rego) and same requests, both on
 * 127.0.0.1, driven by autocannon at each concurrency of the sweep (the two servers in turn, the
 * first alternating), after a parity check on a sample. Samples both processes' idle CPU and RSS
 * before and after. Stops everything it started, on success, failure or Ctrl-C.
 */
export async function comparePdpHttpWithOpa(opaPath: string, policy: BenchPolicy, options: HttpBenchOptions = HTTP_BENCH_DEFAULTS): Promise<PdpHttpComparison> {
  const say = (line: string): void => void process.stderr.write(`${line}\n`);
  const cleanup = new Cleanup(say);
  const disarm = cleanup.armSignals();
  const policyId = policy.bundle.metadata.policyId;
  let succeeded = false;
  let logs: (() => void) | undefined;
  try {
    const ws = opaWorkspace(policy.rego);
    cleanup.add('the temp folder', () => ws.dispose());
    const bundleFile = join(ws.dir, 'bench-bundle.json');
    writeFileSync(bundleFile, JSON.stringify(policy.bundle, null, 2));

    const setupStarted = Date.now();
    const sidecar = await startPdpSidecar(cleanup, bundleFile, policy.requests[0]!, say);
    logs = () => removeLogs(sidecar);
    // OPA does the same work as the PDP: its decision_logs plugin posts every decision to Edict's decision-log
    const opaConfig = join(ws.dir, 'opa-config.yaml');
    const opaToken = await mintDevToken({ subject: 'opa-bench', roles: ['pdp'], ttlSeconds: 3600 });
    writeFileSync(opaConfig, [
      'services:', '  edict:', `    url: ${sidecar.decisionLogUrl}/opa`, '    headers:', '      x-edict-agent-id: opa-bench',
      '    credentials:', '      bearer:', `        token: ${opaToken}`,
      'decision_logs:', '  service: edict', '  reporting:', '    min_delay_seconds: 1', '    max_delay_seconds: 1', '',
    ].join('\n'));
    const opa = await startOpaServer(opaPath, [ws.policy], opaConfig);
    cleanup.add('opa run --server', () => opa.stop());
    if (sidecar.pid === undefined || opa.pid === undefined) throw new Error('no process id for the PDP or OPA');
    const setupSeconds = Math.round((Date.now() - setupStarted) / 1000);

    const requests = policy.requests.slice(0, Math.max(200, options.paritySample));
    const pdpTarget: HttpTarget = {
      url: new URL('/v1/decisions', sidecar.url),
      headers: { authorization: `Bearer ${sidecar.token}` },
      bodies: requests.map((request) => JSON.stringify({ policyId, subject: 'bench-subject', request })),
    };
    const opaTarget: HttpTarget = { url: new URL(OPA_RULE_PATH, opa.url), headers: {}, bodies: requests.map((input) => JSON.stringify({ input })) };

    say(`bench:engine: checking that the PDP and OPA agree on ${options.paritySample} requests…`);
    const probe = keepAliveAgent(2);
    const parity = await checkParity(probe, pdpTarget, opaTarget, options.paritySample).finally(() => probe.destroy());
    if (parity.sameEffect !== parity.checked) {
      return { ran: false, skipped: false, reason: `the PDP and OPA disagree on the effect of ${parity.checked - parity.sameEffect} of ${parity.checked} sampled requests; not timed`, parity };
    }
    say(`bench:engine: idle footprint of both, ${options.idleSeconds} s after ${options.idleSettleSeconds} s idle…`);
    await waitForDrainedLog(sidecar.url, 60_000, options.idleSettleSeconds * 1000);
    const idleBefore = await sampleBoth(sidecar.pid, opa.pid, options.idleSeconds);
    const heapBefore = await heapSpaces(sidecar.url);
    const loadBefore = round2(loadavg()[0] ?? 0);
    const pinning = pinForSweep([sidecar.pid, opa.pid]);
    say(pinning.pinned ? `bench:engine: PDP and OPA on CPU ${pinning.serversCpu}, the load generator and ${pinning.restProcesses - 1} other processes of the run on ${pinning.restCpus}` : `bench:engine: not pinned to CPUs: ${pinning.reason}`);
    const sweep: SweepRow[] = [];
    let notCaughtUp = 0;
    for (const [i, concurrency] of options.concurrencies.entries()) {
      say(`bench:engine: ${concurrency} connection(s), ${options.seconds} s against each (after ${options.warmupSeconds} s warm-up)…`);
      const point = { pdp: undefined as LoadPoint | undefined, opa: undefined as LoadPoint | undefined };
      for (const side of i % 2 === 0 ? (['opa', 'pdp'] as const) : (['pdp', 'opa'] as const)) {
        const target = side === 'pdp' ? pdpTarget : opaTarget;
        if (!(await waitForCaughtUp(sidecar.url, sidecar.decisionLogUrl))) notCaughtUp++;
        await drive(target, concurrency, options.warmupSeconds);
        point[side] = await drive(target, concurrency, options.seconds);
      }
      const { pdp, opa: opaPoint } = point as { pdp: LoadPoint; opa: LoadPoint };
      sweep.push({ concurrency, pdp, opa: opaPoint, ratios: { throughput: round2(pdp.requestsPerSecond / opaPoint.requestsPerSecond), p99: round2(opaPoint.p99Ms / pdp.p99Ms) } });
    }
    const loadAfter = round2(loadavg()[0] ?? 0);
    const drained = await waitForDrainedLog(sidecar.url, 60_000, options.idleSettleSeconds * 1000);
    say(`bench:engine: idle footprint again, ${options.idleSeconds} s${drained ? ' (decision log drained)' : ' (the decision log had not drained within 60 s)'}…`);
    const idleAfter = await sampleBoth(sidecar.pid, opa.pid, options.idleSeconds);
    const heapAfter = await heapSpaces(sidecar.url);
    const at16 = sweep.find((row) => row.concurrency === 16);
    succeeded = true;
    return {
      ran: true,
      rules: policy.bundle.spec.rules?.length ?? 0,
      method:
        `autocannon (in this Node process, on the same machine as both servers) at ${options.concurrencies.join('/')} keep-alive connections, one request in flight on each, ` +
        `${options.seconds} s per server and concurrency after ${options.warmupSeconds} s of warm-up, the servers in turn (which goes first alternates), ` +
        `each once the decision log caught up with the window before (the PDP's buffer empty, decision-log's consumer lag 0, at least 1.5 s after it; ${notCaughtUp} windows started without); ` +
        `latency from request written to response read; the same ${requests.length} generated requests, cycled, for both; parity checked first on ${options.paritySample}. ` +
        `Idle: /proc/<pid>/stat utime+stime and VmRSS over ${options.idleSeconds} s with no requests, before the sweep and after it (each once the PDP's decision log has drained to Kafka, plus ${options.idleSettleSeconds} s)`,
      setupSeconds,
      loadAverage1m: { before: loadBefore, after: loadAfter },
      parity,
      endpoints: { pdp: `POST ${pdpTarget.url.href}`, opa: `POST ${opaTarget.url.href}` },
      perRequest: { pdp: PDP_PER_REQUEST, opa: OPA_PER_REQUEST },
      cpuPinning: pinning,
      sweep,
      idle: { before: idleBefore, after: idleAfter, logDrainedBeforeAfterSample: drained, pdpHeapMiB: { before: heapBefore, after: heapAfter } },
      targets: {
        fasterThanOpaAtC16: { target: 1, actual: at16 ? at16.ratios.throughput : null, met: at16 ? at16.ratios.throughput >= 1 && at16.ratios.p99 >= 1 : null },
        idleRssMiB: { target: 60, actual: idleAfter.pdp.rssMiB, met: idleBefore.pdp.rssMiB <= 60 && idleAfter.pdp.rssMiB <= 60 },
        idleCpuTicks: { target: 0, actual: idleAfter.pdp.cpuTicks, met: idleBefore.pdp.cpuTicks === 0 && idleAfter.pdp.cpuTicks === 0 },
      },
    };
  } finally {
    await cleanup.run();
    disarm();
    if (succeeded) logs?.();
  }
}
