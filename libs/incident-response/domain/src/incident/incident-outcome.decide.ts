import type { IncidentEscalated, IncidentEvidenceAdded, IncidentNotificationFailed, IncidentRollbackCompleted } from '@edict/contracts';
import type { AddEvidence, EscalateRollbackFailure, RecordNotificationFailure, RecordRollback } from './incident.commands';
import { requireExisting } from './incident.errors';
import { evidenceKey, type IncidentState } from './incident.state';

/** A further window about the same problem; each (window, revision, trigger) counts once. */
export const decideAddEvidence = ({ data }: AddEvidence, current: IncidentState): IncidentEvidenceAdded[] => {
  const state = requireExisting(current);
  const { trigger, window, at } = data;
  if (state.evidenceKeys.includes(evidenceKey(window.windowStart, window.revision, trigger.kind))) return [];
  const { observed, threshold, action, sampleSize, canary } = trigger;
  return [{
    type: 'IncidentEvidenceAdded',
    data: {
      incidentId: state.incidentId, trigger: trigger.kind, summary: trigger.summary,
      windowStart: window.windowStart, windowEnd: window.windowEnd, windowRevision: window.revision,
      evidence: { observed, threshold, action, sampleSize, canary }, addedAt: at,
    },
  }];
};

/** The rollback happened (late or not, even after an escalation); recorded once. */
export const decideRecordRollback = ({ data }: RecordRollback, current: IncidentState): IncidentRollbackCompleted[] => {
  const state = requireExisting(current);
  if (state.rollback.completedAt !== null) return [];
  const { fromVersion, toVersion, by, automatic, at } = data;
  return [{ type: 'IncidentRollbackCompleted', data: { incidentId: state.incidentId, fromVersion, toVersion, rolledBackBy: by, automatic, rolledBackAt: at } }];
};

/**
 * A rollback that was requested and did not complete is the runbook's "Rollback Not Working":
 * CRITICAL (P0). Once only; nothing when no rollback was asked or it already completed.
 */
export const decideEscalate = ({ data }: EscalateRollbackFailure, current: IncidentState): IncidentEscalated[] => {
  const state = requireExisting(current);
  const { requestedAt, completedAt, escalatedAt } = state.rollback;
  if (requestedAt === null || completedAt !== null || escalatedAt !== null) return [];
  return [{ type: 'IncidentEscalated', data: { incidentId: state.incidentId, fromSeverity: state.severity, severity: 'critical', reason: data.reason, escalatedAt: data.at } }];
};

/** The dead letter of a webhook that kept failing. */
export const decideNotificationFailure = ({ data }: RecordNotificationFailure, current: IncidentState): IncidentNotificationFailed[] => {
  const state = requireExisting(current);
  const { about, webhook, attempts, lastError, at } = data;
  return [{ type: 'IncidentNotificationFailed', data: { incidentId: state.incidentId, about, webhook, attempts, lastError, failedAt: at } }];
};
