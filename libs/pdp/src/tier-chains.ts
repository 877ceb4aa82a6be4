import { parentPolicyIds } from '@edict/contracts';

/** How many policy ids are remembered; past that the memory starts over (ids come from requests). */
const REMEMBERED_IDS = 1024;

/**
 * The tier chain a decision walks for a policy id: its parent tiers' ids, then its own
 * (org → team → project). Parsed once per id, as every decision needs it; an id that is not a
 * policy id throws (BUNDLE.POLICY_ID_INVALID) every time and is not remembered.
 */
export class TierChains {
  private readonly chains = new Map<string, readonly string[]>();

  of(policyId: string): readonly string[] {
    let chain = this.chains.get(policyId);
    if (!chain) {
      chain = [...parentPolicyIds(policyId), policyId];
      if (this.chains.size >= REMEMBERED_IDS) this.chains.clear();
      this.chains.set(policyId, chain);
    }
    return chain;
  }
}
