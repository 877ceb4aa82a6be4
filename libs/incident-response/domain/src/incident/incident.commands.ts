import type { Command } from '@edict/core';
import type { IncidentSeverity } from '@edict/contracts';
import type { Trigger } from '../triggers/trigger.types';

/** Open an incident for one trigger of one window; `incidentId` comes from incidentIdFor. */
export type OpenIncident = Command<'OpenIncident', {
  readonly incidentId: string;
  readonly policyId: string;
  readonly version: string;
  readonly trigger: Trigger;
  readonly severity: IncidentSeverity;
  readonly at: string;
}>;

/** Someone takes the incident on. */
export type AcknowledgeIncident = Command<'AcknowledgeIncident', { readonly by: string; readonly at: string }>;

/** Close the incident with what was found and done. */
export type ResolveIncident = Command<'ResolveIncident', { readonly by: string; readonly resolution: string; readonly at: string }>;

/** Every command of an `incident-<id>` stream. */
export type IncidentCommand = OpenIncident | AcknowledgeIncident | ResolveIncident;
