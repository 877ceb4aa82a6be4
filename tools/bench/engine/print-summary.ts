import type { BenchResult } from './bench-result.types';

const us = (ns: number): string => `${(ns / 1000).toFixed(2)} µs`;
const pad = (s: string, n: number): string => s.padEnd(n);
const mark = (met: boolean | null): string => (met === null ? 'not measured' : met ? 'met' : 'NOT MET');

/** Prints the human summary of a benchmark run, ratios included. */
export function printSummary(r: BenchResult): void {
  const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
  const opa = 'version' in r.environment.opa ? `opa ${r.environment.opa.version}` : r.environment.opa.error;
  out(`Edict policy engine benchmark — node ${r.environment.node}, ${r.environment.cpu}, ${opa}`);
  out(pad('rules', 7) + pad('p50', 11) + pad('p99', 11) + pad('p99.9', 11) + pad('decisions/s', 13) + pad('heap/1k rules', 15) + pad('compile', 10) + pad('OPA ns/dec', 12) + pad('ours ns/dec', 13) + pad('OPA÷ours', 10) + 'parity');
  for (const s of r.sizes) {
    const heap = s.heapBytesPer1000Rules === null ? 'n/a' : `${(s.heapBytesPer1000Rules / 1024 / 1024).toFixed(2)} MiB`;
    out(
      pad(String(s.rules), 7) + pad(us(s.engine.p50Ns), 11) + pad(us(s.engine.p99Ns), 11) + pad(us(s.engine.p999Ns), 11) + pad(s.engine.decisionsPerSecond.toLocaleString('en-US'), 13) + pad(heap, 15) + pad(`${s.compileMs.toFixed(1)} ms`, 10) +
        (s.opa ? pad(String(s.opa.opaMeanNsOnInputs), 12) + pad(String(s.opa.engineMeanNsOnInputs), 13) + pad(`${s.opa.throughputRatio}×`, 10) + `${s.opa.parity.identical}/${s.opa.parity.checked}` : 'OPA not run'),
    );
  }
  const t = r.targets;
  out();
  out(`target  100 rules p99 ≤ 10 µs:   ${t.p99At100RulesNs.actual === null ? '-' : us(t.p99At100RulesNs.actual)} — ${mark(t.p99At100RulesNs.met)}`);
  out(`target 1000 rules p99 ≤ 30 µs:   ${t.p99At1000RulesNs.actual === null ? '-' : us(t.p99At1000RulesNs.actual)} — ${mark(t.p99At1000RulesNs.met)}`);
  out(`target in-process ≥ 5× OPA:      ${t.throughputVsOpa.actual === null ? '-' : `${t.throughputVsOpa.actual}× (lowest of the sizes)`} — ${mark(t.throughputVsOpa.met)}`);
  out(`PDP sidecar HTTP vs OPA HTTP API: ${r.pdpHttpVsOpaHttp.ran ? 'ran' : `did not run: ${r.pdpHttpVsOpaHttp.reason ?? ''}`}`);
}
