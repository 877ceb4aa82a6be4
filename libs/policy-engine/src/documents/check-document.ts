import type { CompiledBundle } from '../compile/compiled-bundle.types';
import { evaluate } from '../evaluate/evaluate';
import type { Effect } from '../model/effect';
import type { DocumentItem } from './document-requests';

/** One item's verdict: passed only when allowed without error (a deny, an approval needed or an unreadable item fails). */
export interface CheckedItem {
  readonly label: string;
  readonly passed: boolean;
  readonly effect: Effect | 'error';
  readonly policyId: string | null;
  readonly rule: string | null;
  readonly reason: string;
}

/** Decides every item against the tier chain (org → team → project), as the PDP would. */
export function checkDocumentItems(tiers: readonly CompiledBundle[], items: readonly DocumentItem[]): CheckedItem[] {
  return items.map((item) => {
    if ('problem' in item) return { label: item.label, passed: false, effect: 'error', policyId: null, rule: null, reason: item.problem };
    const decision = evaluate(tiers, item.request);
    const passed = decision.effect === 'allow' && decision.error === undefined;
    return { label: item.label, passed, effect: decision.error ? 'error' : decision.effect, policyId: decision.decidingPolicyId, rule: decision.decidingRule, reason: decision.reason };
  });
}
