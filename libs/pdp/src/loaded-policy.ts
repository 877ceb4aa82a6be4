import type { KillSwitchMode } from '@edict/contracts';
import type { CompiledBundle } from '@edict/policy-engine';

/** A policy as a decision point holds it: compiled versions and the switches that override them. */
export interface LoadedPolicy {
  readonly policyId: string;
  readonly revision: number;
  readonly stable: CompiledBundle | null;
  readonly canary: { readonly bundle: CompiledBundle; readonly percentage: number } | null;
  readonly pinned: CompiledBundle | null;
  readonly killSwitch: { readonly mode: KillSwitchMode; readonly reason: string } | null;
}
