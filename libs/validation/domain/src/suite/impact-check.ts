import type { ValidationCheck, ValidationImpact } from '@edict/contracts';
import { simulateImpact, type CompiledBundle, type DecisionRecord } from '@edict/policy-engine';
import { ranCheck } from './check-result';

/**
 * `impact` (information, never fails): the candidate replayed over the recorded decisions of
 * the version it would replace, changes grouped old effect → new effect.
 */
export function impactCheck(candidate: CompiledBundle, baseline: { version: string; decisions: readonly DecisionRecord[] }, parents: readonly CompiledBundle[]): { check: ValidationCheck; impact: ValidationImpact } {
  const records = baseline.decisions.filter((d) => d.version === baseline.version);
  const report = simulateImpact(candidate, records, parents, { examplesPerGroup: 0 });
  const groups = report.groups.map((g) => ({ from: g.from, to: g.to, count: g.count }));
  const findings = report.groups.map((g) => ({
    code: 'VALIDATION.IMPACT',
    severity: 'info' as const,
    message: `${g.from} → ${g.to}: ${g.count} of ${report.replayed} recorded decisions of ${candidate.policyId}@${baseline.version}${g.rules[0] ? ` (now decided by ${g.rules[0].rule})` : ''}`,
  }));
  const summary = report.replayed === 0
    ? `no recorded decisions of ${baseline.version} to replay`
    : `${report.changed} of ${report.replayed} decisions of ${baseline.version} change effect`;
  return { check: ranCheck('impact', findings, summary), impact: { baselineVersion: baseline.version, decisions: report.replayed, changed: report.changed, groups } };
}
