/**
 * Stream ids. The category (before the first '-') names the owning service (ARCHITECTURE.md);
 * policy ids contain '/', which stream ids allow.
 */
export const StreamIds = {
  bundle: (policyId: string): string => `bundle-${policyId}`,
  validation: (policyId: string, version: string): string => `validation-${policyId}@${version}`,
  signature: (policyId: string, version: string): string => `signature-${policyId}@${version}`,
  keyring: 'keyring',
  rollout: (policyId: string): string => `rollout-${policyId}`,
  incident: (incidentId: string): string => `incident-${incidentId}`,
  auditCheckpoint: 'audit-checkpoint',
  exception: (exceptionId: string): string => `exception-${exceptionId}`,
  /** not published: reserves exception numbers (one per request key) */
  exceptionSequence: 'exceptionseq',
} as const;
