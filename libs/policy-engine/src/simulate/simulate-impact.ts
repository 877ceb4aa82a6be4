import type { CompiledBundle } from '../compile/compiled-bundle.types';
import { evaluate } from '../evaluate/evaluate';
import type { DecisionRecord } from './decision-record.types';
import { ImpactTally } from './impact-tally';
import type { ExceptionEffect, ImpactReport } from './impact-report.types';
import { SimulatedExceptions, type SimulatedException } from './simulated-exception';

export interface SimulateOptions {
  /** examples kept per old → new group; default 3 */
  readonly examplesPerGroup?: number;
  /** replay a second time with these in force and report both (`report.exceptions`) */
  readonly exceptions?: readonly SimulatedException[];
}

/**
 * Replays recorded decisions of the candidate's policy against `[...parents, candidate]` and
 * reports how many change effect, grouped old → new, with examples and the rules that decide
 * the new effect. Records of other policies are skipped (counted). With `options.exceptions`,
 * each record is replayed again with the exceptions in force at its time (SimulatedException),
 * and the report adds that comparison and, per exception, how many decisions it changed.
 */
export function simulateImpact(candidate: CompiledBundle, decisions: Iterable<DecisionRecord>, parents: readonly CompiledBundle[] = [], options: SimulateOptions = {}): ImpactReport {
  const perGroup = options.examplesPerGroup ?? 3;
  const chain = [...parents, candidate];
  const without = new ImpactTally(perGroup);
  const held = options.exceptions && new SimulatedExceptions(options.exceptions, chain.map((b) => b.policyId));
  const withExceptions = held && new ImpactTally(perGroup);
  const effects = new Map<string, { applied: number; changed: number }>(held?.considered.map((e) => [e.exceptionId, { applied: 0, changed: 0 }]));
  let replayed = 0, skipped = 0, changedByExceptions = 0;
  for (const record of decisions) {
    if (record.policyId !== candidate.policyId) {
      skipped++;
      continue;
    }
    replayed++;
    const now = evaluate(chain, record.request);
    without.add(record, now);
    if (!held || !withExceptions) continue;
    const waivers = held.for(record);
    const excepted = waivers.length === 0 ? now : evaluate(chain, record.request, { exceptions: waivers });
    withExceptions.add(record, excepted);
    const differs = excepted.effect !== now.effect;
    if (differs) changedByExceptions++;
    const cited = excepted.exception === undefined ? undefined : effects.get(excepted.exception);
    if (cited) {
      cited.applied++;
      if (differs) cited.changed++;
    }
  }
  const report: ImpactReport = { policyId: candidate.policyId, candidateVersion: candidate.version, replayed, skipped, ...without.summary() };
  if (!held || !withExceptions) return report;
  const byException: ExceptionEffect[] = held.considered.map((e) => ({ exceptionId: e.exceptionId, policyId: e.policyId, ruleId: e.ruleId, resource: e.resource, ...(effects.get(e.exceptionId) ?? { applied: 0, changed: 0 }) }));
  return { ...report, exceptions: { considered: byException.length, changedByExceptions, ...withExceptions.summary(), byException } };
}
