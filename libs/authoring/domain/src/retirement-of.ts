/** A retired policy id as authoring sees it (distribution's PolicyRetired): drafts need a major above `lastMajor`. */
export interface PolicyRetirement {
  readonly lastMajor: number | null;
  readonly retiredAt: string;
  readonly reason: string;
}

/**
 * Folds a `rollout-<policyId>` stream (written by distribution; every service may read the store)
 * (PolicyRetired, RolloutStarted) into the retirement in force: the last PolicyRetired, unless a RolloutStarted (a new major)
 * came after it. Undefined when the policy is not retired.
 */
export function retirementOf(events: readonly { readonly type: string; readonly data: unknown }[]): PolicyRetirement | undefined {
  let retirement: PolicyRetirement | undefined;
  for (const event of events) {
    if (event.type === 'PolicyRetired') {
      const { lastMajor, retiredAt, reason } = event.data as { lastMajor: number | null; retiredAt: string; reason: string };
      retirement = { lastMajor, retiredAt, reason };
    } else if (event.type === 'RolloutStarted') retirement = undefined;
  }
  return retirement;
}
