import type { DecisionResult } from '../model/decision.types';
import type { DecisionRecord } from './decision-record.types';
import type { ImpactComparison, ImpactExample, ImpactGroup } from './impact-report.types';

interface GroupAcc {
  from: ImpactGroup['from'];
  to: ImpactGroup['to'];
  count: number;
  rules: Map<string, number>;
  examples: ImpactExample[];
}

/** Counts replayed decisions against what was recorded: changes grouped old → new, with examples. */
export class ImpactTally {
  private readonly groups = new Map<string, GroupAcc>();
  private replayed = 0;
  private changed = 0;
  private ruleChangedOnly = 0;
  private errors = 0;

  constructor(private readonly examplesPerGroup: number) {}

  add(record: DecisionRecord, now: DecisionResult): void {
    this.replayed++;
    if (now.error) this.errors++;
    if (now.effect === record.result.effect) {
      if (now.decidingRule !== record.result.rule) this.ruleChangedOnly++;
      return;
    }
    this.changed++;
    const key = `${record.result.effect}>${now.effect}`;
    const group = this.groups.get(key) ?? { from: record.result.effect, to: now.effect, count: 0, rules: new Map<string, number>(), examples: [] };
    this.groups.set(key, group);
    group.count++;
    const responsible = `${now.decidingPolicyId ?? '-'} ${now.error ? `(error in ${now.decidingRule ?? 'request'})` : (now.decidingRule ?? '(default)')}`;
    group.rules.set(responsible, (group.rules.get(responsible) ?? 0) + 1);
    if (group.examples.length < this.examplesPerGroup) {
      group.examples.push({
        decisionId: record.decisionId,
        timestamp: record.timestamp,
        request: record.request,
        before: { effect: record.result.effect, rule: record.result.rule },
        after: { effect: now.effect, rule: now.decidingRule, policyId: now.decidingPolicyId, reason: now.reason, ...(now.error && { error: now.error.message }), ...(now.exception && { exception: now.exception }) },
      });
    }
  }

  summary(): ImpactComparison {
    const groups = [...this.groups.values()]
      .sort((a, b) => b.count - a.count)
      .map((g) => ({ from: g.from, to: g.to, count: g.count, rules: [...g.rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count), examples: g.examples }));
    return { changed: this.changed, unchanged: this.replayed - this.changed, ruleChangedOnly: this.ruleChangedOnly, errors: this.errors, groups };
  }
}
