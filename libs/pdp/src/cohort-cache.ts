import { cohortOf } from '@edict/contracts';

/** How many (policy, subject) cohorts are remembered; past that the memory starts over. */
const REMEMBERED_COHORTS = 10_000;

/**
 * cohortOf (a sha256 per call), remembered per policy and subject: a decision point computes it
 * per decision and tier, and the same callers come back decision after decision. Bounded, as
 * subjects come from requests; the cohort itself is always cohortOf's.
 */
export class CohortCache {
  private readonly known = new Map<string, number>();

  of(policyId: string, subject: string): number {
    const key = `${policyId}\u0000${subject}`;
    let cohort = this.known.get(key);
    if (cohort === undefined) {
      cohort = cohortOf(policyId, subject);
      if (this.known.size >= REMEMBERED_COHORTS) this.known.clear();
      this.known.set(key, cohort);
    }
    return cohort;
  }
}
