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

/** bench-results/engine.json */
export interface BenchResult {
  readonly generatedAt: string;
  readonly environment: { readonly node: string; readonly platform: string; readonly cpu: string; readonly cores: number; readonly opa: { readonly path: string; readonly version: string } | { readonly error: string } };
  readonly method: string;
  readonly sizes: readonly SizeResult[];
  readonly targets: { readonly p99At100RulesNs: Target; readonly p99At1000RulesNs: Target; readonly throughputVsOpa: Target };
  readonly pdpHttpVsOpaHttp: { readonly ran: boolean; readonly reason?: string };
}
