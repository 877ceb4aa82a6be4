import type { Command } from '@edict/core';
import type { IncidentSeverity } from '@edict/contracts';
import type { Trigger } from '../triggers/trigger.types';

/** The window a trigger fired on. */
export interface WindowRef {
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly revision: number;
}

/** Open an incident for a trigger (of a window, or a manual rollback); the id comes from the year's sequence. */
export type OpenIncident = Command<'OpenIncident', {
  readonly incidentId: string;
  readonly policyId: string;
  readonly version: string;
  readonly trigger: Trigger;
  readonly severity: IncidentSeverity;
  readonly at: string;
  readonly window?: WindowRef;
  readonly canaryShare?: number;
  /** false for an incident about a rollback that already happened (manual, createIncident) */
  readonly requestRollback?: boolean;
}>;

/** A further trigger about the same rollout problem: evidence, never a second incident or rollback. */
export type AddEvidence = Command<'AddEvidence', { readonly trigger: Trigger; readonly window: WindowRef; readonly at: string }>;

/** distribution rolled the version back. */
export type RecordRollback = Command<'RecordRollback', {
  readonly fromVersion: string;
  readonly toVersion: string | null;
  readonly by: string;
  readonly automatic: boolean;
  readonly at: string;
}>;

/** The deadline for the requested rollback passed without BundleRolledBack. */
export type EscalateRollbackFailure = Command<'EscalateRollbackFailure', { readonly reason: string; readonly at: string }>;

/** A webhook notification about the incident failed every attempt. */
export type RecordNotificationFailure = Command<'RecordNotificationFailure', {
  readonly about: string;
  readonly webhook: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly at: string;
}>;

/** Someone takes the incident on. */
export type AcknowledgeIncident = Command<'AcknowledgeIncident', { readonly by: string; readonly at: string }>;

/** Close the incident with what was found and done. */
export type ResolveIncident = Command<'ResolveIncident', { readonly by: string; readonly resolution: string; readonly at: string }>;

/** Every command of an `incident-<id>` stream. */
export type IncidentCommand =
  | OpenIncident
  | AddEvidence
  | RecordRollback
  | EscalateRollbackFailure
  | RecordNotificationFailure
  | AcknowledgeIncident
  | ResolveIncident;
