import type { DomainEvent } from '@edict/core';

/**
 * A canary step, the share of cohorts (1..100) a version serves: 10 → 50 → 100 by default
 * (ARCHITECTURE.md "Rollout"), or the steps the bundle declares (`spec.rollout.steps`).
 */
export type RolloutPercentage = number;

/** A bundle's own canary schedule (`spec.rollout`), carried on RolloutStarted; absent: the default. */
export interface RolloutSchedule {
  /** strictly increasing, each 1..100, the last 100 */
  readonly steps: readonly number[];
  /** the soak per step; absent: the service's default (EDICT_GATE_SOAK_SECONDS, 24 h) */
  readonly soakSeconds?: number;
  /** distribution promotes on its own once the gates pass and the soak elapsed (as `system:auto-promote`) */
  readonly autoPromote: boolean;
}

export interface RolloutRef {
  readonly policyId: string;
  readonly version: string;
  readonly digest: string;
}

export type RolloutStarted = DomainEvent<'RolloutStarted', RolloutRef & {
  readonly percentage: RolloutPercentage;
  /** the bundle's own schedule (`spec.rollout`); absent on the default 10 → 50 → 100 with the default soak */
  readonly schedule?: RolloutSchedule;
  /** the version serving the rest of the cohorts, if any */
  readonly stableVersion: string | null;
  readonly startedBy: string;
  readonly startedAt: string;
}>;

export type RolloutPromoted = DomainEvent<'RolloutPromoted', RolloutRef & {
  readonly from: RolloutPercentage;
  readonly to: RolloutPercentage;
  readonly promotedBy: string;
  /** why the gates let it through, or the override reason */
  readonly gate: {
    readonly passed: boolean;
    readonly overridden: boolean;
    readonly reason: string;
    /** the failed gates' reasons an override let through (empty or absent when the gates passed) */
    readonly failures?: readonly string[];
    /** who overrode a failed gate, when one was overridden */
    readonly overriddenBy?: string;
  };
  readonly promotedAt: string;
}>;

export type BundleRolledBack = DomainEvent<'BundleRolledBack', {
  readonly policyId: string;
  readonly fromVersion: string;
  /** the version now serving 100%, or null when none is left */
  readonly toVersion: string | null;
  readonly reason: string;
  readonly rolledBackBy: string;
  readonly automatic: boolean;
  readonly incidentId?: string;
  /** a manual rollback that asked for an incident (runbook: `create_incident: true`); incident-response opens one */
  readonly createIncident?: boolean;
  readonly rolledBackAt: string;
}>;

/** A canary held at its step: it keeps serving its cohorts but cannot be promoted until resumed. */
export type RolloutPaused = DomainEvent<'RolloutPaused', RolloutRef & {
  readonly percentage: RolloutPercentage;
  readonly reason: string;
  readonly pausedBy: string;
  readonly pausedAt: string;
}>;

/** A paused canary released; its soak time starts again at `resumedAt`. */
export type RolloutResumed = DomainEvent<'RolloutResumed', RolloutRef & {
  readonly percentage: RolloutPercentage;
  readonly resumedBy: string;
  readonly resumedAt: string;
}>;

/** Every cohort gets this version, whatever the rollout state, until unpinned. */
export type VersionPinned = DomainEvent<'VersionPinned', RolloutRef & {
  readonly reason: string;
  readonly pinnedBy: string;
  readonly pinnedAt: string;
}>;

export type VersionUnpinned = DomainEvent<'VersionUnpinned', {
  readonly policyId: string;
  readonly version: string;
  readonly unpinnedBy: string;
  readonly unpinnedAt: string;
}>;

/** What decision points answer while a policy's kill switch is on. */
export type KillSwitchMode = 'fail-open' | 'fail-closed';

/** The per-policy kill switch turned on: no version serves; decisions follow `mode`. */
export type PolicyDisabled = DomainEvent<'PolicyDisabled', {
  readonly policyId: string;
  readonly mode: KillSwitchMode;
  readonly reason: string;
  readonly disabledBy: string;
  readonly disabledAt: string;
  /** set by the system-wide kill switch (`POST /v1/system/disable`), which `/v1/system/enable` undoes */
  readonly system?: boolean;
}>;

export type PolicyEnabled = DomainEvent<'PolicyEnabled', {
  readonly policyId: string;
  readonly reason: string;
  readonly enabledBy: string;
  readonly enabledAt: string;
  /** set by the system-wide `POST /v1/system/enable` */
  readonly system?: boolean;
}>;

/**
 * The policy retired (`POST /v1/rollouts/{policyId}/retire`): nothing of it serves any more (the
 * serving state holds no version; PDPs and OPA agents drop it), its streams keep their history, and
 * its id is reused only by a new major version above `lastMajor` (authoring refuses other drafts,
 * distribution other rollouts). Refused while it served decisions in the last `quietDays` unless
 * `forced` by an admin with a reason; `recentDecisions` is what the windows counted then.
 */
export type PolicyRetired = DomainEvent<'PolicyRetired', {
  readonly policyId: string;
  readonly reason: string;
  readonly retiredBy: string;
  readonly retiredAt: string;
  /** the newest version it ever rolled out, and its major */
  readonly lastVersion: string | null;
  readonly lastMajor: number | null;
  readonly quietDays: number;
  readonly recentDecisions: number;
  readonly forced: boolean;
}>;

/** Events of a `rollout-<policyId>` stream, written by distribution. */
export type RolloutEvent =
  | RolloutStarted
  | RolloutPromoted
  | BundleRolledBack
  | RolloutPaused
  | RolloutResumed
  | VersionPinned
  | VersionUnpinned
  | PolicyDisabled
  | PolicyEnabled
  | PolicyRetired;
