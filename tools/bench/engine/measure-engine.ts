import { compileBundle, evaluate } from '@edict/policy-engine';
import type { BundleDocument, CompiledBundle, DecisionRequest } from '@edict/policy-engine';

/** Percentile of sorted samples (nearest rank). */
export const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Heap retained by a compiled bundle, measured around a forced GC (needs node --expose-gc). */
export function measureHeap(document: BundleDocument): { compileMs: number; heapBytes: number | null; bundle: CompiledBundle } {
  compileBundle(document); // warm-up: one-time allocations (schema validator, CEL environment, JIT) are not the bundle's
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  const bundle = compileBundle(document);
  const compileMs = Number(process.hrtime.bigint() - started) / 1e6;
  gc();
  const after = process.memoryUsage().heapUsed;
  const measurable = typeof (globalThis as { gc?: unknown }).gc === 'function';
  return { compileMs, heapBytes: measurable ? after - before : null, bundle };
}

/** Per-decision latency: each call timed on its own, after a warm-up. */
export function measureLatency(tiers: readonly CompiledBundle[], requests: readonly DecisionRequest[], samples: number): { p50Ns: number; p99Ns: number; p999Ns: number; meanNs: number } {
  for (let i = 0; i < 30_000; i++) evaluate(tiers, requests[i % requests.length]!);
  const times = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const request = requests[i % requests.length]!;
    const t0 = process.hrtime.bigint();
    evaluate(tiers, request);
    times[i] = Number(process.hrtime.bigint() - t0);
  }
  const mean = times.reduce((a, b) => a + b, 0) / samples;
  times.sort();
  return { p50Ns: percentile(times, 50), p99Ns: percentile(times, 99), p999Ns: percentile(times, 99.9), meanNs: Math.round(mean) };
}

/** Decisions per second on one core: back-to-back evaluations for about `ms` milliseconds. */
export function measureThroughput(tiers: readonly CompiledBundle[], requests: readonly DecisionRequest[], ms: number): number {
  let done = 0;
  const started = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 1000; i++) evaluate(tiers, requests[(done + i) % requests.length]!);
    done += 1000;
    elapsed = process.hrtime.bigint() - started;
  }
  return Math.round(done / (Number(elapsed) / 1e9));
}

/** Mean ns per decision for one request evaluated repeatedly (what `opa bench` measures per input). */
export function measureOne(tiers: readonly CompiledBundle[], request: DecisionRequest, iterations: number): number {
  for (let i = 0; i < 5_000; i++) evaluate(tiers, request);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) evaluate(tiers, request);
  return Number(process.hrtime.bigint() - started) / iterations;
}
