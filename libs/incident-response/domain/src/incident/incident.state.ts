import type { IncidentSeverity } from '@edict/contracts';

/** What an incident is about; fixed when it opens. */
export interface IncidentFacts {
  readonly incidentId: string;
  readonly policyId: string;
  readonly version: string;
  readonly trigger: string;
  readonly severity: IncidentSeverity;
  readonly rollbackRequested: boolean;
}

/** Opened, nobody has acknowledged it yet. */
export type OpenIncidentState = IncidentFacts & { readonly status: 'open' };
/** Someone owns it. */
export type AcknowledgedIncident = IncidentFacts & { readonly status: 'acknowledged'; readonly acknowledgedBy: string };
/** Closed; nothing more happens to it. */
export type ResolvedIncident = IncidentFacts & {
  readonly status: 'resolved';
  readonly acknowledgedBy: string | null;
  readonly resolvedBy: string;
  readonly resolution: string;
};

/** An `incident-<id>` stream: not opened yet, open, acknowledged by someone, or resolved. */
export type IncidentState = { readonly status: 'none' } | OpenIncidentState | AcknowledgedIncident | ResolvedIncident;

/** A stream with no events. */
export const initialIncidentState = (): IncidentState => ({ status: 'none' });
