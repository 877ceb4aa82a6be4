import type { DecisionLogged } from '@edict/contracts';
import { declaredCost, maskDecision, type MaskRule } from '@edict/decision-log-domain';

type Decision = DecisionLogged['data'];

/**
 * The decision as the windows-only mode counts it. Masking only rewrites `request`, and of the
 * request the windows read only the declared cost (windowDeltas → declaredCost): a decision that
 * declares no positive cost counts the same masked or not, so it is not masked (about a tenth of
 * this mode's CPU in a profile). One that does is masked, so a rule that hides the cost hides it
 * from the windows here exactly as in the default mode.
 */
export const forWindows = (decision: Decision, rules: readonly MaskRule[]): Decision =>
  declaredCost(decision) > 0 ? maskDecision(decision, rules) : decision;
