import type { DecisionError } from '../model/decision.types';
import type { Effect } from '../model/effect';
import type { Tier } from '../model/tier';

/** One test's outcome: the bundle's own outcome against what the test expects. */
export interface TestCaseResult {
  readonly name: string;
  readonly passed: boolean;
  /** why it failed, one line each; empty when it passed */
  readonly failures: readonly string[];
  readonly expected: { readonly effect: Effect; readonly rule?: string | null; readonly noMatch?: boolean };
  readonly actual: { readonly effect: Effect; readonly rule: string | null; readonly noMatch: boolean; readonly error?: DecisionError };
  /** the decision of the whole tier chain, when parents were given */
  readonly combined?: { readonly effect: Effect; readonly decidingTier: Tier | null; readonly decidingRule: string | null };
}

/** `edict test`: every test's result, and the rules no test reached. */
export interface TestReport {
  readonly policyId: string;
  readonly version: string;
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly results: readonly TestCaseResult[];
  /** rule ids, in document order, that decided no test */
  readonly unreachedRules: readonly string[];
}
