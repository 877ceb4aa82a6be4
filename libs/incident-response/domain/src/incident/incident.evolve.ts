import { assertNever } from '@edict/core';
import type { IncidentEvent, IncidentOpened } from '@edict/contracts';
import { evidenceKey, type ExistingIncident, type IncidentState } from './incident.state';

const opened = ({ data }: IncidentOpened): ExistingIncident => ({
  status: 'open', incidentId: data.incidentId, policyId: data.policyId, version: data.version, trigger: data.trigger,
  severity: data.severity, rollbackRequested: false, openedAt: data.openedAt, canaryShare: data.canaryShare ?? null,
  rollback: { requestedAt: null, completedAt: null, toVersion: null, escalatedAt: null },
  evidenceKeys: data.windowStart ? [evidenceKey(data.windowStart, data.windowRevision ?? 1, data.trigger)] : [],
  decisionsAffected: data.evidence?.sampleSize ?? 0,
});

type Gathered = Extract<IncidentEvent, { type: 'RollbackRequested' | 'IncidentEvidenceAdded' | 'IncidentRollbackCompleted' | 'IncidentEscalated' }>;

/** Events that only add to what an existing incident knows, in any status. */
const gathered = (state: ExistingIncident, event: Gathered): ExistingIncident => {
  switch (event.type) {
    case 'RollbackRequested':
      return { ...state, rollbackRequested: true, rollback: { ...state.rollback, requestedAt: event.data.requestedAt } };
    case 'IncidentEvidenceAdded': {
      const { windowStart, windowRevision, trigger, evidence } = event.data;
      return { ...state, evidenceKeys: [...state.evidenceKeys, evidenceKey(windowStart, windowRevision, trigger)], decisionsAffected: state.decisionsAffected + evidence.sampleSize };
    }
    case 'IncidentRollbackCompleted':
      return { ...state, rollback: { ...state.rollback, completedAt: event.data.rolledBackAt, toVersion: event.data.toVersion } };
    case 'IncidentEscalated':
      return { ...state, severity: event.data.severity, rollback: { ...state.rollback, escalatedAt: event.data.escalatedAt } };
  }
};

/** Folds one event of an `incident-<id>` stream; events that do not fit the state leave it as is. */
export const evolveIncident = (state: IncidentState, event: IncidentEvent): IncidentState => {
  switch (event.type) {
    case 'IncidentOpened':
      return state.status === 'none' ? opened(event) : state;
    case 'RollbackRequested':
    case 'IncidentEvidenceAdded':
    case 'IncidentRollbackCompleted':
    case 'IncidentEscalated':
      return state.status === 'none' ? state : gathered(state, event);
    case 'IncidentNotificationFailed':
      return state;
    case 'IncidentAcknowledged':
      return state.status === 'open' ? { ...state, status: 'acknowledged', acknowledgedBy: event.data.acknowledgedBy } : state;
    case 'IncidentResolved': {
      if (state.status !== 'open' && state.status !== 'acknowledged') return state;
      const acknowledgedBy = state.status === 'acknowledged' ? state.acknowledgedBy : null;
      const { resolvedBy, resolution } = event.data;
      return { ...state, status: 'resolved', acknowledgedBy, resolvedBy, resolution };
    }
    default:
      return assertNever(event, 'incident event');
  }
};
