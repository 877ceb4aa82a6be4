import type { IncidentSeverity } from '@edict/contracts';

/** Where the incident's rollback stands: none asked, asked, done, or escalated for lack of it. */
export interface RollbackProgress {
  readonly requestedAt: string | null;
  readonly completedAt: string | null;
  readonly toVersion: string | null;
  readonly escalatedAt: string | null;
}

/** What an incident is about (fixed when it opens) and what it gathered since. */
export interface IncidentFacts {
  readonly incidentId: string;
  readonly policyId: string;
  readonly version: string;
  readonly trigger: string;
  readonly severity: IncidentSeverity;
  readonly rollbackRequested: boolean;
  readonly openedAt: string;
  readonly canaryShare: number | null;
  readonly rollback: RollbackProgress;
  /** `<windowStart>|<revision>|<trigger>` of every window counted: evidence is added once */
  readonly evidenceKeys: readonly string[];
  /** decisions in the windows that opened it or were added as evidence */
  readonly decisionsAffected: number;
}

/** Opened, nobody has acknowledged it yet. */
export type OpenIncidentState = IncidentFacts & { readonly status: 'open' };
/** Someone owns it. */
export type AcknowledgedIncident = IncidentFacts & { readonly status: 'acknowledged'; readonly acknowledgedBy: string };
/** Closed; only evidence, the rollback outcome and failed notifications are still recorded. */
export type ResolvedIncident = IncidentFacts & {
  readonly status: 'resolved';
  readonly acknowledgedBy: string | null;
  readonly resolvedBy: string;
  readonly resolution: string;
};

export type ExistingIncident = OpenIncidentState | AcknowledgedIncident | ResolvedIncident;

/** An `incident-<id>` stream: not opened yet, open, acknowledged by someone, or resolved. */
export type IncidentState = { readonly status: 'none' } | ExistingIncident;

/** A stream with no events. */
export const initialIncidentState = (): IncidentState => ({ status: 'none' });

/** The evidence key of one trigger of one window revision. */
export const evidenceKey = (windowStart: string, revision: number, trigger: string): string =>
  `${new Date(Date.parse(windowStart)).toISOString()}|${revision}|${trigger}`;
