import { parentPolicyIds } from '@edict/contracts';
import { BoundedMemo } from '@edict/core';

/**
 * The tier chain a decision walks for a policy id: its parent tiers' ids, then its own
 * (org → team → project). Parsed once per id (up to 1,024 ids), as every decision needs it; an id
 * that is not a policy id throws (BUNDLE.POLICY_ID_INVALID) every time and is not remembered.
 */
export class TierChains {
  private readonly chains = new BoundedMemo<string, readonly string[]>(1024);

  of(policyId: string): readonly string[] {
    return this.chains.get(policyId, (id) => [...parentPolicyIds(id), id]);
  }
}
