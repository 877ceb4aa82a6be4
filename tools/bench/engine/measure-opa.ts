import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecisionRequest } from '@edict/policy-engine';

interface OpaBenchJson {
  readonly N: number;
  readonly T: number;
  readonly Extra?: Record<string, number>;
}

/** A scratch directory holding the Rego policy, removed by `dispose`. */
export function opaWorkspace(rego: string): { dir: string; policy: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'edict-bench-opa-'));
  const policy = join(dir, 'policy.rego');
  writeFileSync(policy, rego);
  return { dir, policy, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `opa bench` on one input: OPA's own in-process benchmark (Go testing.B), on one core
 * (GOMAXPROCS=1) like the Node engine. Returns mean ns per evaluation and OPA's p99 of
 * query evaluation.
 */
export function opaBench(opa: string, policy: string, dir: string, input: DecisionRequest, name: string): { nsPerOp: number; p99Ns: number | null } {
  const inputFile = join(dir, `${name}.json`);
  writeFileSync(inputFile, JSON.stringify(input));
  const out = execFileSync(opa, ['bench', '--format', 'json', '--benchmem=false', '-d', policy, '-i', inputFile, 'data.edict.bench.decision'], {
    encoding: 'utf8',
    env: { ...process.env, GOMAXPROCS: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = JSON.parse(out) as OpaBenchJson;
  return { nsPerOp: result.T / result.N, p99Ns: result.Extra?.['histogram_timer_rego_query_eval_ns_99%'] ?? null };
}

/** OPA's decisions for many requests in one `opa eval`, to check both engines agree. */
export function opaDecisions(opa: string, policy: string, dir: string, requests: readonly DecisionRequest[]): { effect: string; rule: string | null }[] {
  const data = join(dir, 'requests.json');
  writeFileSync(data, JSON.stringify({ bench_requests: requests }));
  const query = '[d | some r in data.bench_requests; d := data.edict.bench.decision with input as r]';
  const out = execFileSync(opa, ['eval', '--format', 'json', '-d', policy, '-d', data, query], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const parsed = JSON.parse(out) as { result: { expressions: { value: { effect: string; rule: string | null }[] }[] }[] };
  return parsed.result[0]!.expressions[0]!.value;
}
