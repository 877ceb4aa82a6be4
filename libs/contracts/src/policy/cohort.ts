import { sha256Hex } from '@edict/core';

/**
 * The canary cohort of a subject for a policy: the first 4 bytes of
 * sha256(policyId ‖ NUL ‖ subject) as an unsigned big-endian integer, mod 100. Stable across
 * processes and languages, so PDPs, OPA bundle serving and dashboards agree on who is in the canary.
 */
export const cohortOf = (policyId: string, subject: string): number =>
  Number.parseInt(sha256Hex(`${policyId}\u0000${subject}`).slice(0, 8), 16) % 100;

/** A cohort below the canary percentage gets the canary. */
export const servesCanary = (cohort: number, percentage: number): boolean => cohort < percentage;
