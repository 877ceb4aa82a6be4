import type { DomainEvent } from '@edict/core';

export type IncidentSeverity = 'low' | 'medium' | 'high' | 'critical';

/** Auto-rollback triggers (ARCHITECTURE.md "Rollout"); `trigger` of an incident they open. */
export type TriggerKind = 'error_rate' | 'deny_rate' | 'cost' | 'no_match' | 'budget' | 'manual' | 'audit_chain';

/** What the runbook's decision matrix says to do about a trigger, given the bundle's age. */
export type TriggerAction = 'rollback' | 'investigate';

/** The numbers behind a trigger: rates as fractions (0.12 = 12%), cost as relative increase. */
export interface TriggerEvidence {
  readonly observed: number;
  readonly threshold: number;
  readonly action: TriggerAction;
  readonly sampleSize: number;
  readonly canary: boolean;
}

export type IncidentOpened = DomainEvent<'IncidentOpened', {
  readonly incidentId: string;
  readonly policyId: string;
  readonly version: string;
  readonly severity: IncidentSeverity;
  readonly trigger: string;
  readonly summary: string;
  readonly openedAt: string;
  /** present when a trigger evaluator opened the incident */
  readonly evidence?: TriggerEvidence;
  /** the window that opened it, when a window did */
  readonly windowStart?: string;
  readonly windowEnd?: string;
  readonly windowRevision?: number;
  /** percentage of cohorts the version served when the incident opened (10, 50, 100) */
  readonly canaryShare?: number;
}>;

/** A further window (or trigger) about the same rollout problem, attached instead of a new incident. */
export type IncidentEvidenceAdded = DomainEvent<'IncidentEvidenceAdded', {
  readonly incidentId: string;
  readonly trigger: string;
  readonly summary: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  /** the window's revision (corrections re-publish a window with a higher one) */
  readonly windowRevision: number;
  readonly evidence: TriggerEvidence;
  readonly addedAt: string;
}>;

/** distribution rolled the incident's version back (BundleRolledBack seen on edict.rollouts.v1). */
export type IncidentRollbackCompleted = DomainEvent<'IncidentRollbackCompleted', {
  readonly incidentId: string;
  readonly fromVersion: string;
  readonly toVersion: string | null;
  readonly rolledBackBy: string;
  readonly automatic: boolean;
  readonly rolledBackAt: string;
}>;

/** The requested rollback did not happen within the deadline: the incident is now CRITICAL. */
export type IncidentEscalated = DomainEvent<'IncidentEscalated', {
  readonly incidentId: string;
  readonly fromSeverity: IncidentSeverity;
  readonly severity: IncidentSeverity;
  readonly reason: string;
  readonly escalatedAt: string;
}>;

/** A webhook notification about the incident failed every attempt (the dead letter). */
export type IncidentNotificationFailed = DomainEvent<'IncidentNotificationFailed', {
  readonly incidentId: string;
  /** the event the notification was about */
  readonly about: string;
  /** the webhook's origin and path, without query or credentials */
  readonly webhook: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly failedAt: string;
}>;

export type RollbackRequested = DomainEvent<'RollbackRequested', {
  readonly incidentId: string;
  readonly policyId: string;
  readonly version: string;
  readonly reason: string;
  readonly requestedAt: string;
}>;

export type IncidentAcknowledged = DomainEvent<'IncidentAcknowledged', {
  readonly incidentId: string;
  readonly acknowledgedBy: string;
  readonly acknowledgedAt: string;
}>;

export type IncidentResolved = DomainEvent<'IncidentResolved', {
  readonly incidentId: string;
  readonly resolvedBy: string;
  readonly resolution: string;
  readonly resolvedAt: string;
}>;

/** Events of an `incident-<id>` stream, written by incident-response. */
export type IncidentEvent =
  | IncidentOpened
  | RollbackRequested
  | IncidentAcknowledged
  | IncidentResolved
  | IncidentEvidenceAdded
  | IncidentRollbackCompleted
  | IncidentEscalated
  | IncidentNotificationFailed;
