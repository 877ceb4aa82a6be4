import { evaluate } from '@edict/policy-engine';
import type { CompiledBundle } from '@edict/policy-engine';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { generatePolicy } from './generate-policy';
import { measureHeap, measureLatency, measureOne, measureThroughput } from './measure-engine';
import { opaBench, opaDecisions, opaWorkspace } from './measure-opa';
import { comparePdpHttpWithOpa } from './pdp-http.bench';
import { parseArgs, type BenchArgs } from './bench-args';
import { resolveOpa } from './resolve-opa';
import { printSummary } from './print-summary';
import { compareCelLibraries } from './cel-library.bench';
import type { BenchResult, PdpHttpComparison, SizeResult } from './bench-result.types';

const SIZES = [10, 100, 1000];
const OPA_INPUTS = 5;
const HTTP_RULES = 100;
const root = resolve(__dirname, '../../../..');

function runSize(size: number, opa: { path: string } | null): SizeResult {
  const policy = generatePolicy(size);
  const { compileMs, heapBytes, bundle } = measureHeap(policy.bundle);
  const tiers: CompiledBundle[] = [bundle];
  const latency = measureLatency(tiers, policy.requests, 200_000);
  const decisionsPerSecond = measureThroughput(tiers, policy.requests, 1500);
  const engine = { ...latency, decisionsPerSecond };
  const heapBytesPer1000Rules = heapBytes === null ? null : Math.round((heapBytes / size) * 1000);
  if (!opa) return { rules: size, compileMs, heapBytesPer1000Rules, engine, opa: null };
  const ws = opaWorkspace(policy.rego);
  try {
    const sample = policy.requests.slice(0, OPA_INPUTS);
    const perInput = sample.map((request, i) => ({ engineNs: measureOne(tiers, request, 200_000), ...opaBench(opa.path, ws.policy, ws.dir, request, `input-${i}`) }));
    const engineNs = perInput.reduce((a, x) => a + x.engineNs, 0) / perInput.length;
    const opaNs = perInput.reduce((a, x) => a + x.nsPerOp, 0) / perInput.length;
    const checked = policy.requests.slice(0, 500);
    const theirs = opaDecisions(opa.path, ws.policy, ws.dir, checked);
    const identical = checked.filter((r, i) => {
      const ours = evaluate(tiers, r);
      return ours.effect === theirs[i]?.effect && ours.decidingRule === theirs[i]?.rule;
    }).length;
    return {
      rules: size,
      compileMs,
      heapBytesPer1000Rules,
      engine,
      opa: { inputs: perInput.length, engineMeanNsOnInputs: Math.round(engineNs), opaMeanNsOnInputs: Math.round(opaNs), opaP99QueryEvalNs: Math.max(...perInput.map((x) => x.p99Ns ?? 0)), throughputRatio: Number((opaNs / engineNs).toFixed(2)), parity: { checked: checked.length, identical } },
    };
  } finally {
    ws.dispose();
  }
}

/** The HTTP comparison, run after the in-process part so that its processes do not disturb it. */
async function httpComparison(wanted: boolean, opa: { path: string } | null): Promise<PdpHttpComparison> {
  if (!wanted) return { ran: false, skipped: true, reason: 'skipped (--no-http)' };
  if (!opa) return { ran: false, skipped: false, reason: 'opa not available' };
  process.stderr.write(`bench:engine: PDP sidecar vs OPA over HTTP, ${HTTP_RULES} rules (starts Kafka, Postgres and the seven services)...\n`);
  try {
    return await comparePdpHttpWithOpa(opa.path, generatePolicy(HTTP_RULES));
  } catch (error) {
    return { ran: false, skipped: false, reason: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function main(args: BenchArgs): Promise<void> {
  let opa: { path: string; version: string } | null = null;
  let opaError: string | undefined;
  try {
    opa = resolveOpa(root);
  } catch (e) {
    opaError = `opa not available: ${(e as Error).message}`;
  }
  const sizes = SIZES.map((size) => {
    process.stderr.write(`bench:engine: ${size} rules...\n`);
    return runSize(size, opa);
  });
  const at = (n: number) => sizes.find((s) => s.rules === n)!;
  const ratios = sizes.flatMap((s) => (s.opa ? [s.opa.throughputRatio] : []));
  const result: BenchResult = {
    generatedAt: new Date().toISOString(),
    environment: { node: process.version, platform: `${process.platform}/${process.arch}`, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, opa: opa ? { path: opa.path, version: opa.version } : { error: opaError ?? 'unknown' } },
    method: 'one tier, generated policy with CEL conditions (2 clauses each), 10,000 generated requests; engine on one Node thread; OPA via `opa bench` (GOMAXPROCS=1) on the same policy in Rego and the first 5 requests',
    sizes,
    targets: {
      p99At100RulesNs: { target: 10_000, actual: at(100).engine.p99Ns, met: at(100).engine.p99Ns <= 10_000 },
      p99At1000RulesNs: { target: 30_000, actual: at(1000).engine.p99Ns, met: at(1000).engine.p99Ns <= 30_000 },
      throughputVsOpa: { target: 5, actual: ratios.length > 0 ? Math.min(...ratios) : null, met: ratios.length > 0 ? Math.min(...ratios) >= 5 : null },
    },
    pdpHttpVsOpaHttp: await httpComparison(args.http, opa),
  };
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'engine.json'), `${JSON.stringify(result, null, 2)}\n`);
  printSummary(result);
  const cel = compareCelLibraries(root);
  writeFileSync(join(dir, 'cel-libraries.json'), `${JSON.stringify(cel, null, 2)}\n`);
  process.stdout.write(`\nCEL libraries (cel-spec core suites; ns per decision on the generated policy):\n${cel.conformance.map((c, i) => `  ${c.library}: ${c.passed}/${c.total} conformance; ${cel.perDecision.map((d) => { const m = i === 0 ? d.engine : d.bufbuild; return `${d.rules} rules p50 ${m.p50Ns} p99 ${m.p99Ns} mean ${Math.round(m.meanNs)} ns`; }).join('; ')}`).join('\n')}\n  RE2 matches(): ${Object.entries(cel.redosMs).map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(', ')}\n`);
  process.stdout.write(`\nwritten: bench-results/engine.json, cel-conformance.json, cel-libraries.json\n`);
  // Asked for and not delivered is a failed run (the in-process numbers are written all the same).
  const http = result.pdpHttpVsOpaHttp;
  if (!http.ran && !http.skipped) process.exitCode = 1;
}

let args: BenchArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench:engine: ${(error as Error).message}\n`);
  process.exit(2);
}
main(args).catch((error: unknown) => {
  process.stderr.write(`bench:engine failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
