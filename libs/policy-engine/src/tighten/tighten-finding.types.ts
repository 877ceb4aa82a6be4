import type { BundleProblem } from '../model/bundle-problem';

/** A tighten-only finding: what in the child loosens which parent, and where. */
export interface TightenFinding extends BundleProblem {
  readonly policyId: string;
  readonly parentPolicyId: string;
  readonly ruleId?: string;
  readonly parentRuleId?: string;
}
