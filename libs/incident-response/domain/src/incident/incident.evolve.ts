import { assertNever } from '@edict/core';
import type { IncidentEvent } from '@edict/contracts';
import type { IncidentState } from './incident.state';

/** Folds one event of an `incident-<id>` stream; events that do not fit the state leave it as is. */
export const evolveIncident = (state: IncidentState, event: IncidentEvent): IncidentState => {
  switch (event.type) {
    case 'IncidentOpened': {
      const { incidentId, policyId, version, trigger, severity } = event.data;
      return { status: 'open', incidentId, policyId, version, trigger, severity, rollbackRequested: false };
    }
    case 'RollbackRequested':
      return state.status === 'none' ? state : { ...state, rollbackRequested: true };
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
