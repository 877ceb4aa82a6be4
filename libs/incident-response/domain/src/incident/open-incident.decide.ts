import { ConflictError, ValidationError } from '@edict/core';
import type { IncidentOpened, IncidentSeverity, RollbackRequested } from '@edict/contracts';
import type { Trigger } from '../triggers/trigger.types';
import type { OpenIncident } from './incident.commands';
import { IncidentErrorCodes as Codes } from './incident.errors';
import type { IncidentState } from './incident.state';

/** The runbook's incident mapping: only HIGH or CRITICAL incidents roll a policy back. */
const ROLLBACK_SEVERITIES: readonly IncidentSeverity[] = ['high', 'critical'];

/** Roll back when the matrix says so for this trigger and the incident is severe enough. */
export const requestsRollback = (trigger: Trigger, severity: IncidentSeverity): boolean =>
  trigger.action === 'rollback' && ROLLBACK_SEVERITIES.includes(severity);

/**
 * IncidentOpened, plus RollbackRequested when the matrix says roll back. Opening the same
 * incident again (a redelivered window) yields nothing; the same id for a different policy,
 * version or trigger is refused.
 */
export const decideOpen = ({ data }: OpenIncident, state: IncidentState): (IncidentOpened | RollbackRequested)[] => {
  const { incidentId, policyId, version, trigger, severity, at, window, canaryShare } = data;
  if (incidentId.trim() === '') throw new ValidationError(Codes.idInvalid, 'an incident id is required');
  if (state.status !== 'none') {
    if (state.policyId === policyId && state.version === version && state.trigger === trigger.kind) return [];
    throw new ConflictError(Codes.idReused, `${incidentId} is already an incident about ${state.policyId}@${state.version} (${state.trigger})`);
  }
  const { observed, threshold, action, sampleSize, canary } = trigger;
  const opened: IncidentOpened = {
    type: 'IncidentOpened',
    data: {
      incidentId, policyId, version, severity, trigger: trigger.kind, summary: trigger.summary, openedAt: at,
      evidence: { observed, threshold, action, sampleSize, canary },
      ...(window ? { windowStart: window.windowStart, windowEnd: window.windowEnd, windowRevision: window.revision } : {}),
      ...(canaryShare !== undefined ? { canaryShare } : {}),
    },
  };
  if (data.requestRollback === false || !requestsRollback(trigger, severity)) return [opened];
  return [opened, { type: 'RollbackRequested', data: { incidentId, policyId, version, reason: `auto-rollback: ${trigger.summary}`, requestedAt: at } }];
};
