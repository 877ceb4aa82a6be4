import { celEnv, parse, plan } from '@bufbuild/cel';
import { compileCondition } from '../../../libs/policy-engine/src/cel/compile-condition';
import type { CompiledBundle, CompiledRule } from '@edict/policy-engine';
import { celConformance } from './cel-conformance.bench';
import { generatePolicy } from './generate-policy';
import { measureHeap, measureLatency } from './measure-engine';

/** The same bundle with every condition evaluated by @bufbuild/cel instead of the engine's CEL. */
function withBufbuildConditions(bundle: CompiledBundle): CompiledBundle {
  const env = celEnv();
  const swap = (rule: CompiledRule): CompiledRule => {
    if (!rule.condition) return rule;
    const program = plan(env, parse(rule.condition.source));
    return { ...rule, condition: { ...rule.condition, evaluate: (activation) => program(activation as never) } };
  };
  const rules = new Map(bundle.rules.map((r) => [r, swap(r)]));
  const list = (xs: readonly CompiledRule[]) => xs.map((r) => rules.get(r)!);
  const mapOf = (m: ReadonlyMap<string, readonly CompiledRule[]>) => new Map([...m].map(([k, v]) => [k, list(v)]));
  const { index } = bundle;
  return { ...bundle, rules: list(bundle.rules), index: { byAgentAction: mapOf(index.byAgentAction), byAgent: mapOf(index.byAgent), byAction: mapOf(index.byAction), fallback: list(index.fallback) } };
}

function timeMatch(when: string, resource: string): number {
  const compiled = compileCondition(when);
  if (!compiled.ok) throw new Error(compiled.problems[0]!.message);
  const started = process.hrtime.bigint();
  compiled.condition.evaluate({ request: { agent: 'a', action: 'b', resource }, context: {}, settings: {} });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Conformance and ns per decision of the engine's CEL against @bufbuild/cel, and the ReDoS patterns' timings on RE2. */
export function compareCelLibraries(root: string) {
  const conformance = celConformance(root).map(({ library, passed, total }) => ({ library, passed, total }));
  const perDecision = [100, 1000].map((size) => {
    const policy = generatePolicy(size);
    const { bundle } = measureHeap(policy.bundle);
    const engine = measureLatency([bundle], policy.requests, 100_000);
    const bufbuild = measureLatency([withBufbuildConditions(bundle)], policy.requests, 100_000);
    return { rules: size, engine, bufbuild };
  });
  const redosMs = {
    '^(a|a)*$ on 28 chars': timeMatch('request.resource.matches("^(a|a)*$")', `${'a'.repeat(28)}b`),
    '.*.*.*.*.*.*b on 1,000 chars': timeMatch('request.resource.matches(".*.*.*.*.*.*b")', 'a'.repeat(1000)),
  };
  return { conformance, perDecision, redosMs };
}
