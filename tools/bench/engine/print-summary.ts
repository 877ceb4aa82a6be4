import type { BenchResult, PdpHttpComparison } from './bench-result.types';
import type { HeapSpacesMiB, IdleSample } from './idle-footprint';

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
  out();
  printHttp(r.pdpHttpVsOpaHttp, out);
}

const heap = (spaces: HeapSpacesMiB): string => Object.entries(spaces).map(([space, mib]) => `${space} ${mib}`).join(', ');
const idle = (i: IdleSample): string => `${i.rssMiB} MiB RSS, ${i.cpuPercentOfCore} % of a core (${i.cpuTicks} ticks in ${i.seconds} s)`;

function printHttp(h: PdpHttpComparison, out: (line?: string) => boolean): void {
  if (!h.ran) {
    out(`PDP sidecar HTTP vs OPA HTTP API: did not run: ${h.reason}`);
    for (const m of h.parity?.mismatches ?? []) out(`  request #${m.request}: PDP ${m.pdp}, OPA ${m.opa}`);
    return;
  }
  out(`PDP sidecar HTTP vs OPA HTTP API — ${h.rules} rules, autocannon on the same machine (setup ${h.setupSeconds} s, load average ${h.loadAverage1m.before} → ${h.loadAverage1m.after})`);
  const pin = h.cpuPinning;
  out(pin.pinned ? `during the sweep: PDP and OPA on CPU ${pin.serversCpu} (in turn), autocannon and the rest of the run on CPU ${pin.restCpus}` : `during the sweep: not pinned to CPUs (${pin.reason})`);
  out(pad('conns', 7) + pad('PDP req/s', 11) + pad('PDP p99', 10) + pad('OPA req/s', 11) + pad('OPA p99', 10) + pad('PDP÷OPA req/s', 15) + pad('OPA÷PDP p99', 13) + 'errors PDP/OPA');
  for (const r of h.sweep) {
    out(pad(String(r.concurrency), 7) + pad(r.pdp.requestsPerSecond.toLocaleString('en-US'), 11) + pad(`${r.pdp.p99Ms} ms`, 10) + pad(r.opa.requestsPerSecond.toLocaleString('en-US'), 11) + pad(`${r.opa.p99Ms} ms`, 10) +
      pad(`${r.ratios.throughput}×`, 15) + pad(`${r.ratios.p99}×`, 13) + `${r.pdp.errors}/${r.opa.errors}`);
  }
  out(`idle before the sweep — PDP: ${idle(h.idle.before.pdp)}; OPA: ${idle(h.idle.before.opa)}`);
  out(`idle after the sweep  — PDP: ${idle(h.idle.after.pdp)}; OPA: ${idle(h.idle.after.opa)}`);
  out(`PDP's V8 heap spaces, MiB committed (before / after the sweep): ${heap(h.idle.pdpHeapMiB.before)} / ${heap(h.idle.pdpHeapMiB.after)}`);
  const t = h.targets;
  out(`target c=16 PDP req/s ≥ OPA's, p99 ≤ OPA's: ${t.fasterThanOpaAtC16.actual ?? '-'}× — ${mark(t.fasterThanOpaAtC16.met)}`);
  out(`target idle RSS ≤ 60 MiB: ${t.idleRssMiB.actual ?? '-'} MiB — ${mark(t.idleRssMiB.met)}; no idle CPU: ${t.idleCpuTicks.actual ?? '-'} ticks — ${mark(t.idleCpuTicks.met)}`);
  out(`parity before timing: same effect ${h.parity.sameEffect}/${h.parity.checked}, same rule ${h.parity.sameRule}/${h.parity.checked}`);
  out(`per request, PDP: ${h.perRequest.pdp}`);
  out(`per request, OPA: ${h.perRequest.opa}`);
  out(`method: ${h.method}`);
}
