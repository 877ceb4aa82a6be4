/** One policy size's numbers. */
export interface SizeResult {
  readonly rules: number;
  readonly compileMs: number;
  readonly heapBytesPer1000Rules: number | null;
  readonly engine: { readonly p50Ns: number; readonly p99Ns: number; readonly p999Ns: number; readonly meanNs: number; readonly decisionsPerSecond: number };
  readonly opa: {
    readonly inputs: number;
    readonly engineMeanNsOnInputs: number;
    readonly opaMeanNsOnInputs: number;
    readonly opaP99QueryEvalNs: number;
    /** OPA ns per decision ÷ engine ns per decision, on the same inputs: >1 means the engine is faster */
    readonly throughputRatio: number;
    readonly parity: { readonly checked: number; readonly identical: number };
  } | null;
}

interface Target {
  readonly target: number;
  readonly actual: number | null;
  readonly met: boolean | null;
}

/** One server driven over HTTP: client-side latency (request written → response body read). */
export interface HttpSideResult {
  readonly endpoint: string;
  /** what the server does for each request, in words, so the numbers are read for what they are */
  readonly perRequest: string;
  readonly requests: number;
  readonly errors: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly meanUs: number;
  readonly requestsPerSecond: number;
}

/** Both servers' answers on a sample of the requests, compared before anything is timed. */
export interface HttpParity {
  readonly checked: number;
  readonly sameEffect: number;
  readonly sameRule: number;
  /** the first few disagreements, for a human to look at */
  readonly mismatches: readonly { readonly request: number; readonly pdp: string; readonly opa: string }[];
}

/** The PDP sidecar's HTTP API against OPA's, on the same policy and requests. */
export type PdpHttpComparison =
  | { readonly ran: false; readonly skipped: boolean; readonly reason: string; readonly parity?: HttpParity }
  | {
      readonly ran: true;
      readonly rules: number;
      readonly method: string;
      readonly setupSeconds: number;
      /** the machine's 1-minute load average just before timing: shared cores make every number here noisy */
      readonly loadAverage1m: number;
      readonly parity: HttpParity;
      readonly pdp: HttpSideResult;
      readonly opa: HttpSideResult;
      /** each >1 means the PDP is the faster: OPA p50 ÷ PDP p50, OPA p99 ÷ PDP p99, PDP req/s ÷ OPA req/s */
      readonly ratios: { readonly p50: number; readonly p99: number; readonly throughput: number };
    };

/** bench-results/engine.json */
export interface BenchResult {
  readonly generatedAt: string;
  readonly environment: { readonly node: string; readonly platform: string; readonly cpu: string; readonly cores: number; readonly opa: { readonly path: string; readonly version: string } | { readonly error: string } };
  readonly method: string;
  readonly sizes: readonly SizeResult[];
  readonly targets: { readonly p99At100RulesNs: Target; readonly p99At1000RulesNs: Target; readonly throughputVsOpa: Target };
  readonly pdpHttpVsOpaHttp: PdpHttpComparison;
}
