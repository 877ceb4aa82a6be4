import { ConflictError, ValidationError } from '@edict/core';
import type { IncidentAcknowledged, IncidentResolved } from '@edict/contracts';
import type { AcknowledgeIncident, ResolveIncident } from './incident.commands';
import { IncidentErrorCodes as Codes, requireUnresolved } from './incident.errors';
import type { IncidentState } from './incident.state';

/** Someone owns it now (the runbook: acknowledge within 15 minutes). Once only. */
export const decideAcknowledge = ({ data }: AcknowledgeIncident, current: IncidentState): IncidentAcknowledged[] => {
  const state = requireUnresolved(current);
  if (state.status === 'acknowledged') {
    throw new ConflictError(Codes.alreadyAcknowledged, `${state.incidentId} was acknowledged by ${state.acknowledgedBy}`);
  }
  return [{ type: 'IncidentAcknowledged', data: { incidentId: state.incidentId, acknowledgedBy: data.by, acknowledgedAt: data.at } }];
};

/** Closed with what was found; acknowledging first is not required (an incident may resolve itself). */
export const decideResolve = ({ data }: ResolveIncident, current: IncidentState): IncidentResolved[] => {
  const state = requireUnresolved(current);
  if (data.resolution.trim() === '') throw new ValidationError(Codes.resolutionRequired, 'a resolution is required');
  return [{
    type: 'IncidentResolved',
    data: { incidentId: state.incidentId, resolvedBy: data.by, resolution: data.resolution, resolvedAt: data.at },
  }];
};
