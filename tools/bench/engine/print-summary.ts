import type { BenchResult, HttpSideResult, PdpHttpComparison } from './bench-result.types';

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

const ms = (us: number): string => `${(us / 1000).toFixed(2)} ms`;
const round = (x: number): string => x.toFixed(1);

function printHttp(h: PdpHttpComparison, out: (line?: string) => boolean): void {
  if (!h.ran) {
    out(`PDP sidecar HTTP vs OPA HTTP API: did not run: ${h.reason}`);
    for (const m of h.parity?.mismatches ?? []) out(`  request #${m.request}: PDP ${m.pdp}, OPA ${m.opa}`);
    return;
  }
  out(`PDP sidecar HTTP vs OPA HTTP API — ${h.rules} rules, ${h.pdp.requests.toLocaleString('en-US')} requests each, client on the same machine (setup ${h.setupSeconds} s, load average ${h.loadAverage1m})`);
  out(pad('', 6) + pad('p50', 10) + pad('p99', 10) + pad('mean', 10) + pad('req/s', 9) + pad('errors', 8) + 'endpoint');
  const row = (name: string, s: HttpSideResult): boolean =>
    out(pad(name, 6) + pad(ms(s.p50Us), 10) + pad(ms(s.p99Us), 10) + pad(ms(s.meanUs), 10) + pad(s.requestsPerSecond.toLocaleString('en-US'), 9) + pad(String(s.errors), 8) + s.endpoint);
  row('PDP', h.pdp);
  row('OPA', h.opa);
  out(`OPA÷PDP latency: p50 ${h.ratios.p50}×, p99 ${h.ratios.p99}×; PDP÷OPA req/s: ${h.ratios.throughput}× (>1: the PDP is faster)`);
  // from the raw rates, not the rounded ratio: 1 ÷ 0.14 would overstate it
  const [pdp, opa] = [h.pdp.requestsPerSecond, h.opa.requestsPerSecond];
  out(pdp >= opa ? `→ over HTTP the PDP sidecar answers ${round(pdp / opa)}× the requests per second of OPA` : `→ over HTTP OPA answers ${round(opa / pdp)}× the requests per second of the PDP sidecar`);
  out(`parity before timing: same effect ${h.parity.sameEffect}/${h.parity.checked}, same rule ${h.parity.sameRule}/${h.parity.checked}`);
  out(`per request, PDP: ${h.pdp.perRequest}`);
  out(`per request, OPA: ${h.opa.perRequest}`);
  out(`method: ${h.method}`);
}
