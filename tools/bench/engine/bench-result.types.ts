import type { LoadPoint } from './autocannon-load';
import type { CpuPinning } from './cpu-pinning';
import type { HeapSpacesMiB, IdleSample } from './idle-footprint';

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

/** Both servers' answers on a sample of the requests, compared before anything is timed. */
export interface HttpParity {
  readonly checked: number;
  readonly sameEffect: number;
  readonly sameRule: number;
  /** the first few disagreements, for a human to look at */
  readonly mismatches: readonly { readonly request: number; readonly pdp: string; readonly opa: string }[];
}

/** Both servers at one concurrency of the sweep. */
export interface SweepRow {
  readonly concurrency: number;
  readonly pdp: LoadPoint;
  readonly opa: LoadPoint;
  /** PDP req/s ÷ OPA req/s, OPA p99 ÷ PDP p99: >1 means the PDP is the better */
  readonly ratios: { readonly throughput: number; readonly p99: number };
}

/** The PDP sidecar's HTTP API against OPA's, on the same policy and requests. */
export type PdpHttpComparison =
  | { readonly ran: false; readonly skipped: boolean; readonly reason: string; readonly parity?: HttpParity }
  | {
      readonly ran: true;
      readonly rules: number;
      readonly method: string;
      readonly setupSeconds: number;
      /** the machine's 1-minute load average just before and after timing: shared cores make every number here noisy */
      readonly loadAverage1m: { readonly before: number; readonly after: number };
      readonly parity: HttpParity;
      readonly endpoints: { readonly pdp: string; readonly opa: string };
      /** what each server does for each request, in words, so the numbers are read for what they are */
      readonly perRequest: { readonly pdp: string; readonly opa: string };
      /** where the servers and the rest of the run ran during the sweep */
      readonly cpuPinning: CpuPinning;
      readonly sweep: readonly SweepRow[];
      /** sampled over 10 s with no requests, before the sweep (after start and the parity check) and after it */
      readonly idle: { readonly before: { readonly pdp: IdleSample; readonly opa: IdleSample }; readonly after: { readonly pdp: IdleSample; readonly opa: IdleSample }; readonly logDrainedBeforeAfterSample: boolean; readonly pdpHeapMiB: { readonly before: HeapSpacesMiB; readonly after: HeapSpacesMiB } };
      readonly targets: {
        /** at concurrency 16: PDP req/s ≥ OPA's with p99 ≤ OPA's */
        readonly fasterThanOpaAtC16: Target;
        readonly idleRssMiB: Target;
        readonly idleCpuTicks: Target;
      };
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
