import type { CompiledBundle } from '@edict/policy-engine';

/** A policy as a decision point holds it: compiled stable and canary versions. */
export interface LoadedPolicy {
  readonly policyId: string;
  readonly revision: number;
  readonly stable: CompiledBundle | null;
  readonly canary: { readonly bundle: CompiledBundle; readonly percentage: number } | null;
}
