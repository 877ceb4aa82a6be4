/**
 * PDP sidecar over HTTP against OPA's HTTP API (`opa run --server`, POST /v1/data/...).
 * The place for it, not wired yet: the sidecar (apps/pdp) receives its bundles from Kafka
 * and the distribution service, so the benchmark would have to start that stack. To wire it:
 * start the sidecar with the generated bundle and `opa run --server` with the generated Rego
 * on free ports, drive both with the same requests and concurrency over keep-alive
 * connections, and report p50/p99 and decisions per second side by side.
 */
export interface PdpHttpComparison {
  readonly ran: boolean;
  readonly reason?: string;
}

export function comparePdpHttpWithOpa(): PdpHttpComparison {
  return { ran: false, reason: 'not wired yet: the PDP sidecar (apps/pdp) gets its bundles through Kafka and the distribution service, which this benchmark does not start (see tools/bench/engine/pdp-http.bench.ts)' };
}
