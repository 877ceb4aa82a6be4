import type { ImpactGroup, ImpactReport } from '@edict/policy-engine';

const arrow = '→';

/** The human summary of `edict simulate`: changes grouped old → new, rules, examples. */
export function formatImpactReport(report: ImpactReport): string[] {
  const lines: string[] = [];
  const out = (line: string): number => lines.push(line);
  const pct = report.replayed === 0 ? '0.0' : ((100 * report.changed) / report.replayed).toFixed(1);
  out(`Candidate ${report.policyId}@${report.candidateVersion}: ${report.replayed} recorded decisions replayed${report.skipped > 0 ? ` (${report.skipped} of other policies skipped)` : ''}`);
  out(`Changed effect: ${report.changed} of ${report.replayed} (${pct}%); same effect, other rule: ${report.ruleChangedOnly}; evaluation errors: ${report.errors}`);
  groupLines(report.groups, out);
  const x = report.exceptions;
  if (x) {
    out(`With ${x.considered} exception(s) in force: changed effect ${x.changed} of ${report.replayed}; ${x.changedByExceptions} decision(s) differ from the replay without them; evaluation errors: ${x.errors}`);
    for (const e of x.byException) out(`  ${e.exceptionId} (${e.policyId} ${e.ruleId} on ${e.resource}): applied to ${e.applied}, changed the effect of ${e.changed}`);
    groupLines(x.groups, out);
  }
  return lines;
}

function groupLines(groups: readonly ImpactGroup[], out: (line: string) => void): void {
  for (const g of groups) {
    out(`  ${g.from} ${arrow} ${g.to}: ${g.count}`);
    out(`    decided by: ${g.rules.map((r) => `${r.rule} (${r.count})`).join(', ')}`);
    for (const e of g.examples) {
      const req = `${e.request.agent} ${e.request.action} ${e.request.resource}`;
      out(`    e.g. ${e.decisionId} ${e.timestamp}: ${req}; was ${e.before.effect}${e.before.rule ? ` by '${e.before.rule}'` : ''}, now ${e.after.effect}${e.after.rule ? ` by '${e.after.rule}'` : ''}${e.after.exception ? ` (exception ${e.after.exception})` : ''}: ${e.after.reason}`);
    }
  }
}
