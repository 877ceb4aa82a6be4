import { hash } from 'node:crypto';

/**
 * The canary cohort of a subject for a policy: the first 4 bytes of
 * sha256(policyId ‖ NUL ‖ subject) as an unsigned big-endian integer, mod 100. Stable across
 * processes and languages, so PDPs, OPA bundle serving and dashboards agree on who is in the canary.
 * (A decision point computes it per decision and tier: the one-shot `crypto.hash` costs about half
 * of a `createHash` object; cohort.unit.spec.ts proves it gives the same cohorts.)
 */
export const cohortOf = (policyId: string, subject: string): number =>
  Number.parseInt(hash('sha256', `${policyId}\u0000${subject}`, 'hex').slice(0, 8), 16) % 100;

/** A cohort below the canary percentage gets the canary. */
export const servesCanary = (cohort: number, percentage: number): boolean => cohort < percentage;
