import type { IncidentSeverity } from '@edict/contracts';
import type { ExistingIncident } from '@edict/incident-response-domain';

/** A row of the incident list as pg returns it (timestamptz as Date; the columns added later may be null). */
export interface IncidentListRow {
  readonly incidentId: string;
  readonly policyId: string;
  readonly version: string;
  readonly severity: IncidentSeverity;
  readonly status: ExistingIncident['status'];
  readonly trigger: string;
  readonly rollbackRequested: boolean;
  readonly openedAt: Date | null;
  readonly rollbackRequestedAt: Date | null;
  readonly rollbackCompletedAt: Date | null;
  readonly escalatedAt: Date | null;
  readonly updatedAt: Date;
}
