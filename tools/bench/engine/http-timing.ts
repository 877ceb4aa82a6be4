import type { HttpSideResult } from './bench-result.types';
import { driveLoad, keepAliveAgent, type HttpTarget, type LoadRun } from './http-load';
import { percentile } from './measure-engine';

/** How hard and how long the HTTP comparison drives each server. */
export interface HttpBenchOptions {
  readonly requests: number;
  readonly warmup: number;
  readonly concurrency: number;
  readonly paritySample: number;
}

// The timed requests go in rounds, alternating which server goes first (ABBA), so a burst of
// load from someone else on the shared cores falls on both sides rather than on one.
export const ROUND = 500;

export const round2 = (x: number): number => Number(x.toFixed(2));

/** Warm-up, then the timed rounds against both targets; per-target pooled samples. */
export async function timeBoth(pdp: HttpTarget, opa: HttpTarget, options: HttpBenchOptions): Promise<{ pdp: LoadRun[]; opa: LoadRun[] }> {
  // One pool of keep-alive connections per server, opened during the warm-up and reused.
  const agents = { pdp: keepAliveAgent(options.concurrency), opa: keepAliveAgent(options.concurrency) };
  try {
    await driveLoad(agents.opa, opa, 0, options.warmup, options.concurrency);
    await driveLoad(agents.pdp, pdp, 0, options.warmup, options.concurrency);
    const runs = { pdp: [] as LoadRun[], opa: [] as LoadRun[] };
    for (let from = 0, round = 0; from < options.requests; from += ROUND, round++) {
      const count = Math.min(ROUND, options.requests - from);
      const order = round % 4 === 0 || round % 4 === 3 ? (['opa', 'pdp'] as const) : (['pdp', 'opa'] as const);
      for (const side of order) runs[side].push(await driveLoad(agents[side], side === 'pdp' ? pdp : opa, from, count, options.concurrency));
    }
    return runs;
  } finally {
    agents.pdp.destroy();
    agents.opa.destroy();
  }
}

/** Percentiles over every timed request of one server; requests/s over the rounds' wall time. */
export function summarise(endpoint: string, perRequest: string, runs: readonly LoadRun[]): HttpSideResult {
  const all = new Float64Array(runs.reduce((n, r) => n + r.latenciesNs.length, 0));
  let at = 0;
  for (const r of runs) {
    all.set(r.latenciesNs, at);
    at += r.latenciesNs.length;
  }
  const seconds = runs.reduce((s, r) => s + r.elapsedNs, 0) / 1e9;
  const meanNs = all.reduce((a, b) => a + b, 0) / all.length;
  all.sort();
  return {
    endpoint,
    perRequest,
    requests: all.length,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    p50Us: round2(percentile(all, 50) / 1000),
    p99Us: round2(percentile(all, 99) / 1000),
    meanUs: round2(meanNs / 1000),
    requestsPerSecond: Math.round(all.length / seconds),
  };
}
