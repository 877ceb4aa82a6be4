import autocannon from 'autocannon';
import type { HttpTarget } from './http-load';

/** One server at one concurrency, as autocannon measured it (latency from request written to response read). */
export interface LoadPoint {
  readonly concurrency: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** non-2xx answers, connection errors and timeouts */
  readonly errors: number;
}

export const round2 = (x: number): number => Number(x.toFixed(2));

/**
 * Drives `target` with `concurrency` keep-alive connections (one request in flight on each, no
 * pipelining) for `seconds`, cycling through its pre-serialised bodies. Bounded in time; only
 * ever aimed at 127.0.0.1.
 */
export async function drive(target: HttpTarget, concurrency: number, seconds: number): Promise<LoadPoint> {
  const result = await autocannon({
    url: target.url.origin,
    connections: concurrency,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: target.bodies.map((body) => ({
      method: 'POST',
      path: `${target.url.pathname}${target.url.search}`,
      headers: { ...target.headers, 'content-type': 'application/json' },
      body,
    })),
  });
  return {
    concurrency,
    seconds: round2(result.duration),
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: round2(result.latency.p50),
    p99Ms: round2(result.latency.p99),
    maxMs: round2(result.latency.max),
    errors: result.non2xx + result.errors + result.timeouts,
  };
}
