import type { DomainEvent } from '@edict/core';

export type IncidentSeverity = 'low' | 'medium' | 'high' | 'critical';

export type IncidentOpened = DomainEvent<'IncidentOpened', {
  readonly incidentId: string;
  readonly policyId: string;
  readonly version: string;
  readonly severity: IncidentSeverity;
  readonly trigger: string;
  readonly summary: string;
  readonly openedAt: string;
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
