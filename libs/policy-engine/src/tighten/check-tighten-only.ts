import type { CompiledBundle } from '../compile/compiled-bundle.types';
import { TightenCodes } from '../model/problem-codes';
import { teamOfPolicyId, tierRank } from '../model/tier';
import { childLabel } from './tier-labels';
import type { TightenFinding } from './tighten-finding.types';
import { tightenRules } from './tighten-rules';
import { tightenSettings } from './tighten-settings';

/**
 * Checks that a child bundle only tightens its parent tiers (settings and rules). Parents
 * must be of higher tiers, and a team parent of a project must be that project's team.
 */
export function checkTightenOnly(child: CompiledBundle, parents: readonly CompiledBundle[]): TightenFinding[] {
  const findings: TightenFinding[] = [];
  for (const parent of parents) {
    const sameTeam = parent.tier !== 'team' || teamOfPolicyId(parent.policyId) === teamOfPolicyId(child.policyId);
    if (tierRank(parent.tier) >= tierRank(child.tier) || !sameTeam) {
      findings.push({ code: TightenCodes.PARENT_NOT_ABOVE, severity: 'error', policyId: child.policyId, parentPolicyId: parent.policyId, message: `${childLabel(child)} cannot be checked against '${parent.policyId}': it is not a parent tier of it` });
      continue;
    }
    findings.push(...tightenSettings(child, parent), ...tightenRules(child, parent));
  }
  return findings;
}
