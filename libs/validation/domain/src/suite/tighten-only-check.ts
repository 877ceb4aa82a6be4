import type { ValidationCheck, ValidationProblem } from '@edict/contracts';
import { checkTightenOnly, type CompiledBundle, type Locator } from '@edict/policy-engine';
import { findingsSummary, ranCheck, toFinding } from './check-result';

/**
 * `tighten-only`: the candidate against every parent version it is judged by, with the
 * engine's findings and messages as they are (`Team policy 'teams/alpha/network' rule
 * 'allow-npm' loosens org baseline rule 'network-default-deny'`). The same finding against
 * two versions of one parent (stable and canary) is reported once.
 */
export function tightenOnlyCheck(candidate: CompiledBundle, parents: readonly CompiledBundle[], locate?: Locator): ValidationCheck {
  const seen = new Set<string>();
  const findings: ValidationProblem[] = [];
  for (const f of checkTightenOnly(candidate, parents)) {
    const key = `${f.code}|${f.path ?? ''}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(toFinding(f, locate));
  }
  const against = [...new Set(parents.map((p) => p.ref))].join(', ');
  return ranCheck('tighten-only', findings, `${findingsSummary(findings)} against ${against}`);
}
