import type { BundleProblem } from '../model/bundle-problem';

/** A lint finding: a problem (code, severity, message, path) about a rule or a setting. */
export interface LintFinding extends BundleProblem {
  readonly ruleId?: string;
}
