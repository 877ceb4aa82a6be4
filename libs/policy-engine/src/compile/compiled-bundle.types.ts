import type { CompiledCondition } from '../cel/compile-condition';
import type { Pattern } from '../match/glob-pattern';
import type { BundleDocument } from '../model/bundle-document.types';
import type { Effect } from '../model/effect';
import type { Tier } from '../model/tier';

/** A rule ready to evaluate. `rank` is its place in the bundle's evaluation order (0 first). */
export interface CompiledRule {
  readonly id: string;
  readonly index: number;
  readonly rank: number;
  readonly priority: number;
  readonly effect: Effect;
  readonly reason: string;
  readonly agent: Pattern;
  readonly action: Pattern;
  readonly resource: Pattern;
  readonly condition: CompiledCondition | null;
}

/**
 * Rules indexed so that evaluation cost does not grow with the rule count: by exact agent and
 * action together, by exact agent alone, by exact action alone; globs on both in `fallback`.
 * Every list is in rank order.
 */
export interface RuleIndex {
  readonly byAgentAction: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly byAgent: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly byAction: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly fallback: readonly CompiledRule[];
}

/** A validated bundle, compiled once when it loads, evaluated many times. */
export interface CompiledBundle {
  readonly policyId: string;
  readonly tier: Tier;
  readonly version: string;
  /** `policyId@version` */
  readonly ref: string;
  readonly defaultEffect: Effect;
  readonly onErrorEffect: Effect;
  /** in evaluation order: priority desc, then deny, require_approval, allow, then document order */
  readonly rules: readonly CompiledRule[];
  readonly index: RuleIndex;
  /** what CEL sees as `settings` */
  readonly settings: { readonly allowLists: object; readonly limits: object; readonly flags: object };
  readonly document: BundleDocument;
}
