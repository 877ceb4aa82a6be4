import type { BundleDocument, DecisionRequest, Effect, RuleDocument } from '@edict/policy-engine';

/**
 * One benchmark policy, written twice: as an Edict bundle (CEL conditions) and as the same
 * policy in Rego (one Rego rule per Edict rule, so OPA's rule indexer sees the same
 * equalities on agent and action). Deterministic: the same size gives the same policy.
 */
export interface BenchPolicy {
  readonly bundle: BundleDocument;
  readonly rego: string;
  readonly requests: DecisionRequest[];
}

const ACTIONS = ['read', 'write', 'deploy', 'network.connect', 'exec'];
const TAGS = ['pii', 'prod', 'ci', 'eu', 'internal'];
const EFFECTS: Effect[] = ['allow', 'deny', 'require_approval', 'allow'];

/** A tiny deterministic PRNG (mulberry32), so runs are comparable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The condition of rule i in CEL and in Rego (same meaning on the generated requests). */
function condition(i: number): { cel: string; rego: string[] } {
  const t = 20 + (i % 7) * 10, tag = TAGS[i % TAGS.length]!, team = `team-${i % 4}`, dir = `res/${i % 9}/`;
  switch (i % 4) {
    case 0: return { cel: `context.risk < ${t} && "${tag}" in context.tags`, rego: [`input.context.risk < ${t}`, `"${tag}" in input.context.tags`] };
    case 1: return { cel: `context.user.team == "${team}" && context.risk >= ${t}`, rego: [`input.context.user.team == "${team}"`, `input.context.risk >= ${t}`] };
    case 2: return { cel: `request.resource.startsWith("${dir}") && !("${tag}" in context.tags)`, rego: [`startswith(input.resource, "${dir}")`, `not "${tag}" in input.context.tags`] };
    default: return { cel: `has(context.ticket) || context.user.team == "${team}"`, rego: [`ticket_or_team("${team}")`] };
  }
}

/** Builds a policy of `size` rules: most indexed by exact agent and action, a few globs. */
export function generatePolicy(size: number): BenchPolicy {
  const agents = Math.max(2, Math.round(size / 10));
  const rules: RuleDocument[] = [];
  for (let i = 0; i < size; i++) {
    const global = i % Math.max(10, Math.round(size / 5)) === 0; // 5 or fewer glob rules
    const match = global
      ? { agent: 'agent-*', resource: `res/${i % 9}/**` }
      : { agent: `agent-${i % agents}`, action: ACTIONS[i % ACTIONS.length]!, resource: `res/${i % 9}/**` };
    rules.push({ id: `r${i}`, priority: (i * 7) % 10, match, when: condition(i).cel, effect: EFFECTS[i % EFFECTS.length]!, reason: `rule ${i}` });
  }
  const bundle: BundleDocument = { apiVersion: 'edict.io/v1', kind: 'PolicyBundle', metadata: { policyId: 'org/bench', version: '1.0.0' }, spec: { defaultEffect: 'deny', rules } };
  return { bundle, rego: toRego(rules), requests: generateRequests(agents, 10_000) };
}

/** Requests over the policy's vocabulary, some of them matching nothing. */
function generateRequests(agents: number, count: number): DecisionRequest[] {
  const random = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: count }, () => ({
    agent: random() < 0.1 ? 'unknown-agent' : `agent-${Math.floor(random() * agents)}`,
    action: pick(ACTIONS),
    resource: `res/${Math.floor(random() * 10)}/item-${Math.floor(random() * 100)}`,
    context: {
      risk: Math.floor(random() * 100),
      tags: TAGS.filter(() => random() < 0.4),
      user: { team: `team-${Math.floor(random() * 5)}` },
      ...(random() < 0.2 && { ticket: `T-${Math.floor(random() * 1000)}` }),
    },
  }));
}

/** The same rules in Rego: rank = evaluation order (priority desc, deny > approval > allow, order). */
function toRego(rules: readonly RuleDocument[]): string {
  const weight = (e: Effect): number => (e === 'deny' ? 2 : e === 'require_approval' ? 1 : 0);
  const ranked = rules.map((r, i) => ({ r, i })).sort((a, b) => (b.r.priority ?? 0) - (a.r.priority ?? 0) || weight(b.r.effect) - weight(a.r.effect) || a.i - b.i);
  const lines = [
    'package edict.bench',
    '',
    'default decision := {"effect": "deny", "rule": null}',
    '',
    'decision := {"effect": m[2], "rule": m[1]} if {',
    '\tbest := min({m[0] | some m in matches})',
    '\tsome m in matches',
    '\tm[0] == best',
    '}',
    '',
    'ticket_or_team(_) if input.context.ticket',
    'ticket_or_team(team) if input.context.user.team == team',
    '',
  ];
  ranked.forEach(({ r, i }, rank) => {
    const body: string[] = [];
    const m = r.match ?? {};
    if (m.agent !== undefined) body.push(m.agent.includes('*') ? `glob.match(${JSON.stringify(m.agent)}, [], input.agent)` : `input.agent == ${JSON.stringify(m.agent)}`);
    if (m.action !== undefined) body.push(`input.action == ${JSON.stringify(m.action)}`);
    if (m.resource !== undefined) body.push(`glob.match(${JSON.stringify(m.resource)}, ["/"], input.resource)`);
    body.push(...condition(i).rego);
    lines.push(`matches contains [${rank}, "${r.id}", "${r.effect}"] if {`, ...body.map((b) => `\t${b}`), '}', '');
  });
  return lines.join('\n');
}
