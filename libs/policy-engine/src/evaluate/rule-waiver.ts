import { compilePattern, type Pattern } from '../match/glob-pattern';

/**
 * An exception as the engine sees it: rule `ruleId` of `policyId` does not match requests whose
 * resource (and agent) the globs match. The caller decides which exceptions are in force (approved,
 * not expired, for this subject); the engine only applies them, and bundles stay untouched.
 */
export interface RuleWaiver {
  /** the exception's id, cited by the decision (`EXC-001`) */
  readonly id: string;
  readonly policyId: string;
  readonly ruleId: string;
  readonly resource: Pattern;
  readonly agent: Pattern;
}

/** Compiles an exception's globs (the same glob language as rules' `match`). */
export const compileWaiver = (input: { id: string; policyId: string; ruleId: string; resource: string; agent?: string }): RuleWaiver => ({
  id: input.id,
  policyId: input.policyId,
  ruleId: input.ruleId,
  resource: compilePattern(input.resource),
  agent: compilePattern(input.agent),
});

/** The waiver, if any, that stops `ruleId` from matching this request. */
export const waiverFor = (waivers: readonly RuleWaiver[], ruleId: string, agent: string, resource: string): RuleWaiver | undefined =>
  waivers.find((w) => w.ruleId === ruleId && w.resource.test(resource) && w.agent.test(agent));
