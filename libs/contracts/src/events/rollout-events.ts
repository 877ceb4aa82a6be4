import type { DomainEvent } from '@edict/core';

/** Canary steps: a new version goes 10 → 50 → 100 (ARCHITECTURE.md "Rollout"). */
export type RolloutPercentage = 10 | 50 | 100;

export interface RolloutRef {
  readonly policyId: string;
  readonly version: string;
  readonly digest: string;
}

export type RolloutStarted = DomainEvent<'RolloutStarted', RolloutRef & {
  readonly percentage: RolloutPercentage;
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
  readonly gate: { readonly passed: boolean; readonly overridden: boolean; readonly reason: string };
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
  readonly rolledBackAt: string;
}>;

/** Events of a `rollout-<policyId>` stream, written by distribution. */
export type RolloutEvent = RolloutStarted | RolloutPromoted | BundleRolledBack;
