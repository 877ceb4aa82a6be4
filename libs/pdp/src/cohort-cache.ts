import { cohortOf } from '@edict/contracts';
import { BoundedMemo } from '@edict/core';

/**
 * cohortOf (a sha256 per call), remembered per policy and subject for up to 10,000 of them: a
 * decision point computes it per decision and tier, and the same callers come back decision
 * after decision. The cohort itself is always cohortOf's.
 */
export class CohortCache {
  private readonly known = new BoundedMemo<string, number>(10_000);

  of(policyId: string, subject: string): number {
    return this.known.get(`${policyId}\u0000${subject}`, () => cohortOf(policyId, subject));
  }
}
