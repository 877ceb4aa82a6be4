import type { DomainEvent } from '@edict/core';

export type IncidentSeverity = 'low' | 'medium' | 'high' | 'critical';

/** Auto-rollback triggers (ARCHITECTURE.md "Rollout"); `trigger` of an incident they open. */
export type TriggerKind = 'error_rate' | 'deny_rate' | 'cost' | 'no_match';

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
export type IncidentEvent = IncidentOpened | RollbackRequested | IncidentAcknowledged | IncidentResolved;
