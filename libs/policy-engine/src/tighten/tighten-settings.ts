import type { CompiledBundle } from '../compile/compiled-bundle.types';
import { TightenCodes } from '../model/problem-codes';
import type { BundleSettings } from '../model/bundle-document.types';
import { childLabel, parentLabel } from './tier-labels';
import type { TightenFinding } from './tighten-finding.types';

/**
 * Settings tighten in a known order: a child's allow-list is a subset of its parent's, its
 * limits are lower or equal, and a restriction flag the parent turned on stays on. Settings
 * the parent does not have are the child's to add.
 */
export function tightenSettings(child: CompiledBundle, parent: CompiledBundle): TightenFinding[] {
  const findings: TightenFinding[] = [];
  const c: BundleSettings = child.document.spec.settings ?? {};
  const p: BundleSettings = parent.document.spec.settings ?? {};
  const base = { severity: 'error' as const, policyId: child.policyId, parentPolicyId: parent.policyId };
  for (const [name, entries] of Object.entries(c.allowLists ?? {})) {
    const allowed = p.allowLists?.[name];
    if (!allowed) continue;
    const extra = entries.filter((e) => !allowed.includes(e));
    if (extra.length > 0) {
      findings.push({ ...base, code: TightenCodes.ALLOW_LIST_WIDENED, path: `spec.settings.allowLists.${name}`, message: `${childLabel(child)} allow-list '${name}' adds ${extra.map((e) => `'${e}'`).join(', ')}, which ${parentLabel(parent)} does not allow` });
    }
  }
  for (const [name, value] of Object.entries(c.limits ?? {})) {
    const limit = p.limits?.[name];
    if (limit !== undefined && value > limit) {
      findings.push({ ...base, code: TightenCodes.LIMIT_RAISED, path: `spec.settings.limits.${name}`, message: `${childLabel(child)} raises limit '${name}' to ${value} above ${parentLabel(parent)}'s ${limit}` });
    }
  }
  for (const [name, on] of Object.entries(c.flags ?? {})) {
    if (!on && p.flags?.[name] === true) {
      findings.push({ ...base, code: TightenCodes.FLAG_TURNED_OFF, path: `spec.settings.flags.${name}`, message: `${childLabel(child)} turns off restriction flag '${name}', which ${parentLabel(parent)} turns on` });
    }
  }
  return findings;
}
