import type { DecisionPoint } from '@edict/pdp';

/** `GET /v1/policies`: the policies this decision point holds, with their stable and canary versions. */
export const heldPolicies = (pdp: DecisionPoint): unknown[] =>
  pdp.loaded().map((p) => ({
    policyId: p.policyId,
    revision: p.revision,
    stable: p.stable?.version ?? null,
    canary: p.canary ? { version: p.canary.bundle.version, percentage: p.canary.percentage } : null,
  }));
