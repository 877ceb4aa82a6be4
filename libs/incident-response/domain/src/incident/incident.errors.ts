import { assertNever, ConflictError, NotFoundError } from '@edict/core';
import type { AcknowledgedIncident, ExistingIncident, IncidentState, OpenIncidentState } from './incident.state';

/** Stable codes of every refusal the incident decider makes. */
export const IncidentErrorCodes = {
  idInvalid: 'INCIDENT.ID_INVALID',
  idReused: 'INCIDENT.ID_REUSED',
  notFound: 'INCIDENT.NOT_FOUND',
  alreadyAcknowledged: 'INCIDENT.ALREADY_ACKNOWLEDGED',
  alreadyResolved: 'INCIDENT.ALREADY_RESOLVED',
  resolutionRequired: 'INCIDENT.RESOLUTION_REQUIRED',
} as const;

/** Acknowledging and resolving need an incident that is open or acknowledged, never resolved. */
export const requireUnresolved = (state: IncidentState): OpenIncidentState | AcknowledgedIncident => {
  switch (state.status) {
    case 'none': throw new NotFoundError(IncidentErrorCodes.notFound, 'no such incident');
    case 'resolved':
      throw new ConflictError(IncidentErrorCodes.alreadyResolved, `${state.incidentId} was resolved by ${state.resolvedBy}`);
    case 'open':
    case 'acknowledged':
      return state;
    default:
      return assertNever(state, 'incident state');
  }
};

/** Evidence, rollback outcomes and failed notifications need an incident, in any status. */
export const requireExisting = (state: IncidentState): ExistingIncident => {
  if (state.status === 'none') throw new NotFoundError(IncidentErrorCodes.notFound, 'no such incident');
  return state;
};
