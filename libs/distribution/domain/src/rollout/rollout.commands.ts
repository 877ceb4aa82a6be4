import type { Command } from '@edict/core';
import type { KillSwitchMode, RolloutSchedule } from '@edict/contracts';
import type { GateVerdict } from '../gate/gate.types';

/** Who acts, and with which roles (from the bearer token). */
export interface Principal {
  readonly by: string;
  readonly roles: readonly string[];
}

/** Begin a canary at the first step (10% by default) for a signed version. */
export type StartRollout = Command<'StartRollout', {
  readonly policyId: string;
  readonly version: string;
  readonly digest: string;
  /** the signing service's signature over `{ policyId, version, digest }` verified against the keyring */
  readonly signatureVerified: boolean;
  /** the bundle's own steps, soak and auto-promotion (`spec.rollout`); absent: 10 → 50 → 100 */
  readonly schedule?: RolloutSchedule;
  readonly by: string;
  readonly at: string;
}>;

/** Move the canary one step of its schedule (10 → 50 → 100 by default) if its gate passed or a failure is overridden. */
export type PromoteRollout = Command<'PromoteRollout', {
  readonly by: string;
  readonly at: string;
  readonly gate: GateVerdict;
  readonly override?: { readonly reason: string; readonly by: string; readonly roles: readonly string[] };
}>;

/**
 * Drop the canary, or with no canary put the previous stable version back. `version`, when set,
 * names the version to take out of service: if it no longer serves, the command is a no-op
 * (how a redelivered or repeated rollback request stays idempotent).
 */
export type RollBack = Command<'RollBack', {
  readonly version?: string;
  /** a named target: a version this policy served as stable before (the edge checks its release and key) */
  readonly toVersion?: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  readonly automatic: boolean;
  readonly incidentId?: string;
  /** a manual rollback that asks incident-response to open an incident (carried on BundleRolledBack) */
  readonly createIncident?: boolean;
}>;

/** Hold the canary at its step (it keeps serving); promotion is refused until resumed. */
export type PauseRollout = Command<'PauseRollout', { readonly reason: string; readonly by: string; readonly at: string }>;
/** Release a paused canary; its soak time starts again. */
export type ResumeRollout = Command<'ResumeRollout', { readonly by: string; readonly at: string }>;

/** Serve `version` (the stable one or an earlier stable one) to every cohort. */
export type PinVersion = Command<'PinVersion', {
  readonly version: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}>;
/** Release the pin. */
export type UnpinVersion = Command<'UnpinVersion', { readonly by: string; readonly at: string }>;

/** The per-policy kill switch. The edge also checks the override header; the domain checks role and reason. */
export type DisablePolicy = Command<'DisablePolicy', Principal & {
  readonly mode: KillSwitchMode;
  readonly reason: string;
  readonly at: string;
  /** part of the system-wide kill switch */
  readonly system?: boolean;
}>;
/** Turn the per-policy kill switch off (admin, with a reason). */
export type EnablePolicy = Command<'EnablePolicy', Principal & { readonly reason: string; readonly at: string; readonly system?: boolean }>;

/**
 * Retire the policy: nothing of it serves any more. `recentDecisions` is what the decision
 * windows of the last `quietDays` counted (the edge asks); above 0 it is refused unless `force`d
 * by an admin, with the reason.
 */
export type RetirePolicy = Command<'RetirePolicy', Principal & {
  readonly reason: string;
  readonly at: string;
  readonly quietDays: number;
  readonly recentDecisions: number;
  readonly force: boolean;
}>;

/** Every command of a `rollout-<policyId>` stream. */
export type RolloutCommand =
  | StartRollout
  | PromoteRollout
  | RollBack
  | PauseRollout
  | ResumeRollout
  | PinVersion
  | UnpinVersion
  | DisablePolicy
  | EnablePolicy
  | RetirePolicy;
