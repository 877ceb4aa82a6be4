/**
 * Cohorts: `cohortOf(policyId, subject)` is the first 4 bytes of sha256(policyId ‖ NUL ‖ subject)
 * as an unsigned big-endian integer, mod 100; `servesCanary(cohort, percentage)` is
 * `cohort < percentage` (10% = cohorts 0..9, and a cohort that had the canary keeps it as it grows).
 *
 * One implementation only: decision points (@edict/pdp, which may not depend on a domain lib)
 * compute cohorts from @edict/contracts, and the rollout's view of who gets the canary must be
 * the very same function, so it is re-exported here rather than written twice. A policy id never
 * contains NUL, so the separator keeps ("a", "bc") and ("ab", "c") apart. The test vectors in
 * cohort.unit.spec.ts pin the algorithm for other implementations (OPA fleets, the sidecar).
 */
export { cohortOf, servesCanary } from '@edict/contracts';
