import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { PdpHttpComparison } from './bench-result.types';
import { Cleanup } from './cleanup';
import type { BenchPolicy } from './generate-policy';
import { keepAliveAgent, type HttpTarget } from './http-load';
import { checkParity } from './http-parity';
import { ROUND, round2, summarise, timeBoth, type HttpBenchOptions } from './http-timing';
import { opaWorkspace } from './measure-opa';
import { startOpaServer } from './opa-server';
import { removeLogs, startPdpSidecar } from './pdp-sidecar';

/** Bounded, so that a run on a shared machine is a few seconds of load on 127.0.0.1. */
export const HTTP_BENCH_DEFAULTS: HttpBenchOptions = { requests: 2000, warmup: 200, concurrency: 4, paritySample: 200 };

const OPA_RULE_PATH = '/v1/data/edict/bench/decision'; // package edict.bench, rule decision (generate-policy.ts)

const PDP_PER_REQUEST =
  'Express + Nest pipeline (correlation context, HTTP metrics, JSON body parser), bearer token verified (HS256 JWT) and role checked, ' +
  'body validated (class-validator), the policy and its parent tiers looked up (an org policy has none: one tier is evaluated, as in OPA) ' +
  'with the subject\'s canary cohort, evaluate(), Prometheus counters and histogram updated, a CloudEvent for edict.decisions.v1 queued ' +
  '(sent to Kafka in batches of up to 500 every 200 ms, off the request path, but in the same process); answers the full decision record ' +
  '(id, timestamp, bundles, reason). Node 20, one process, LOG_LEVEL=warn.';
const OPA_PER_REQUEST =
  'OPA server in its default configuration: no authentication or authorization, no decision logging, no bundle plugin; ' +
  'parses the input, evaluates data.edict.bench.decision, answers {"result": {"effect", "rule"}}. GOMAXPROCS=1, --log-level error.';

/**
 * The PDP sidecar's `POST /v1/decisions` against OPA's `POST /v1/data/...`, same policy (the
 * 100-rule benchmark policy, as an Edict bundle and as Rego) and same requests, both on
 * 127.0.0.1, driven from this process with a fixed concurrency over keep-alive connections.
 * Checks first that both give the same effect on a sample; does not time them otherwise.
 * Stops everything it started, on success, failure or Ctrl-C.
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
    const opa = await startOpaServer(opaPath, [ws.policy]);
    cleanup.add('opa run --server', () => opa.stop());
    const setupSeconds = Math.round((Date.now() - setupStarted) / 1000);

    const requests = policy.requests.slice(0, Math.max(options.requests, options.warmup, options.paritySample));
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
    const loadAverage1m = round2(loadavg()[0] ?? 0);
    say(`bench:engine: timing ${options.requests} requests (after ${options.warmup} warm-up) against each, ${options.concurrency} in flight…`);
    const runs = await timeBoth(pdpTarget, opaTarget, options);
    const pdp = summarise(`POST ${pdpTarget.url.href}`, PDP_PER_REQUEST, runs.pdp);
    const opaSide = summarise(`POST ${opaTarget.url.href}`, OPA_PER_REQUEST, runs.opa);
    succeeded = true;
    return {
      ran: true,
      rules: policy.bundle.spec.rules?.length ?? 0,
      method:
        `${options.requests} requests per server after ${options.warmup} warm-up, ${options.concurrency} in flight (closed loop) over ${options.concurrency} keep-alive connections, ` +
        `in rounds of ${ROUND} alternating the servers; latency measured by the client (this Node process, same machine) from request to the end of the response body; ` +
        `the same generated requests for both; parity checked first on ${options.paritySample} requests. Each server works on one core, so with ${options.concurrency} in flight ` +
        `a latency includes queueing behind the others (about ${options.concurrency}× the service time): compare the two sides, not either with the in-process µs`,
      setupSeconds,
      loadAverage1m,
      parity,
      pdp,
      opa: opaSide,
      ratios: { p50: round2(opaSide.p50Us / pdp.p50Us), p99: round2(opaSide.p99Us / pdp.p99Us), throughput: round2(pdp.requestsPerSecond / opaSide.requestsPerSecond) },
    };
  } finally {
    await cleanup.run();
    disarm();
    if (succeeded) logs?.();
  }
}
