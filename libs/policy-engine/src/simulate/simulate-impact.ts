import type { CompiledBundle } from '../compile/compiled-bundle.types';
import { evaluate } from '../evaluate/evaluate';
import type { DecisionRecord } from './decision-record.types';
import type { ImpactExample, ImpactGroup, ImpactReport } from './impact-report.types';

export interface SimulateOptions {
  /** examples kept per old → new group; default 3 */
  readonly examplesPerGroup?: number;
}

interface GroupAcc {
  from: ImpactGroup['from'];
  to: ImpactGroup['to'];
  count: number;
  rules: Map<string, number>;
  examples: ImpactExample[];
}

/**
 * Replays recorded decisions of the candidate's policy against `[...parents, candidate]` and
 * reports how many change effect, grouped old → new, with examples and the rules that decide
 * the new effect. Records of other policies are skipped (counted).
 */
export function simulateImpact(candidate: CompiledBundle, decisions: Iterable<DecisionRecord>, parents: readonly CompiledBundle[] = [], options: SimulateOptions = {}): ImpactReport {
  const perGroup = options.examplesPerGroup ?? 3;
  const chain = [...parents, candidate];
  const groups = new Map<string, GroupAcc>();
  let replayed = 0, skipped = 0, changed = 0, ruleChangedOnly = 0, errors = 0;
  for (const record of decisions) {
    if (record.policyId !== candidate.policyId) {
      skipped++;
      continue;
    }
    replayed++;
    const now = evaluate(chain, record.request);
    if (now.error) errors++;
    if (now.effect === record.result.effect) {
      if (now.decidingRule !== record.result.rule) ruleChangedOnly++;
      continue;
    }
    changed++;
    const key = `${record.result.effect}>${now.effect}`;
    const group = groups.get(key) ?? { from: record.result.effect, to: now.effect, count: 0, rules: new Map<string, number>(), examples: [] };
    groups.set(key, group);
    group.count++;
    const responsible = `${now.decidingPolicyId ?? '-'} ${now.error ? `(error in ${now.decidingRule ?? 'request'})` : (now.decidingRule ?? '(default)')}`;
    group.rules.set(responsible, (group.rules.get(responsible) ?? 0) + 1);
    if (group.examples.length < perGroup) {
      group.examples.push({
        decisionId: record.decisionId,
        timestamp: record.timestamp,
        request: record.request,
        before: { effect: record.result.effect, rule: record.result.rule },
        after: { effect: now.effect, rule: now.decidingRule, policyId: now.decidingPolicyId, reason: now.reason, ...(now.error && { error: now.error.message }) },
      });
    }
  }
  const sorted = [...groups.values()]
    .sort((a, b) => b.count - a.count)
    .map((g) => ({ from: g.from, to: g.to, count: g.count, rules: [...g.rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count), examples: g.examples }));
  return { policyId: candidate.policyId, candidateVersion: candidate.version, replayed, skipped, changed, unchanged: replayed - changed, ruleChangedOnly, errors, groups: sorted };
}
