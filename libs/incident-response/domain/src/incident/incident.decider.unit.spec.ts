import { ConflictError, NotFoundError, ValidationError } from '@edict/core';
import type { IncidentAcknowledged, IncidentOpened, IncidentResolved, RollbackRequested } from '@edict/contracts';
import { deciderSpec } from '@edict/testing';
import type { Trigger } from '../triggers/trigger.types';
import type { AcknowledgeIncident, OpenIncident, ResolveIncident } from './incident.commands';
import { incidentDecider } from './incident.decider';

const spec = deciderSpec(incidentDecider);
const ID = 'INC-2025-0007';
const AT = '2025-03-01T10:05:00.000Z';
const trigger: Trigger = {
  kind: 'error_rate', observed: 0.12, threshold: 0.05, action: 'rollback', sampleSize: 1000, canary: true,
  severity: 'high', summary: 'org/payments@2.2.0 (canary): error rate 12.0% > 5.0%',
};
const open = (extra: Partial<OpenIncident['data']> = {}): OpenIncident => ({
  type: 'OpenIncident', data: { incidentId: ID, policyId: 'org/payments', version: '2.2.0', trigger, severity: 'high', at: AT, ...extra },
});
const opened = (extra: Partial<IncidentOpened['data']> = {}): IncidentOpened => ({
  type: 'IncidentOpened',
  data: {
    incidentId: ID, policyId: 'org/payments', version: '2.2.0', severity: 'high', trigger: 'error_rate', summary: trigger.summary, openedAt: AT,
    evidence: { observed: 0.12, threshold: 0.05, action: 'rollback', sampleSize: 1000, canary: true }, ...extra,
  },
});
const rollbackRequested: RollbackRequested = {
  type: 'RollbackRequested',
  data: { incidentId: ID, policyId: 'org/payments', version: '2.2.0', reason: `auto-rollback: ${trigger.summary}`, requestedAt: AT },
};
const ack: AcknowledgeIncident = { type: 'AcknowledgeIncident', data: { by: 'oncall', at: AT } };
const acked: IncidentAcknowledged = { type: 'IncidentAcknowledged', data: { incidentId: ID, acknowledgedBy: 'oncall', acknowledgedAt: AT } };
const resolve: ResolveIncident = { type: 'ResolveIncident', data: { by: 'oncall', resolution: 'rolled back; bad CEL in rule r7', at: AT } };
const resolved: IncidentResolved = { type: 'IncidentResolved', data: { incidentId: ID, resolvedBy: 'oncall', resolution: resolve.data.resolution, resolvedAt: AT } };

describe('OpenIncident', () => {
  it('opens and requests a rollback when the matrix says roll back', () => {
    const state = spec.given([]).when(open()).then([opened(), rollbackRequested]);
    expect(state).toMatchObject({ status: 'open', rollbackRequested: true });
  });

  it('opens without a rollback when the matrix says investigate', () => {
    const investigate = { ...trigger, action: 'investigate' as const };
    spec.given([]).when(open({ trigger: investigate })).then([opened({ evidence: { ...opened().data.evidence!, action: 'investigate' } })]);
  });

  it.each(['low', 'medium'] as const)('does not roll back on a %s incident (the runbook: HIGH or CRITICAL only)', (severity) => {
    spec.given([]).when(open({ severity })).then([opened({ severity })]);
  });

  it('is a no-op when the same incident is opened again (a redelivered window)', () => {
    spec.given([opened(), rollbackRequested]).when(open()).then([]);
  });

  it('refuses the same id for another finding', () => {
    spec.given([opened()]).when(open({ version: '2.3.0' })).thenThrows('INCIDENT.ID_REUSED', ConflictError);
  });

  it('refuses an empty id', () => {
    spec.given([]).when(open({ incidentId: ' ' })).thenThrows('INCIDENT.ID_INVALID', ValidationError);
  });
});

describe('AcknowledgeIncident', () => {
  it('acknowledges an open incident', () => {
    const state = spec.given([opened(), rollbackRequested]).when(ack).then([acked]);
    expect(state).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'oncall', rollbackRequested: true });
  });
  it('refuses to acknowledge twice', () => {
    spec.given([opened(), acked]).when(ack).thenThrows('INCIDENT.ALREADY_ACKNOWLEDGED', ConflictError);
  });
  it('refuses to acknowledge a resolved incident', () => {
    spec.given([opened(), resolved]).when(ack).thenThrows('INCIDENT.ALREADY_RESOLVED', ConflictError);
  });
  it('refuses an incident that was never opened', () => {
    spec.given([]).when(ack).thenThrows('INCIDENT.NOT_FOUND', NotFoundError);
  });
});

describe('ResolveIncident', () => {
  it('resolves an acknowledged incident', () => {
    const state = spec.given([opened(), acked]).when(resolve).then([resolved]);
    expect(state).toMatchObject({ status: 'resolved', acknowledgedBy: 'oncall', resolvedBy: 'oncall' });
  });
  it('resolves an open incident without an acknowledgement', () => {
    const state = spec.given([opened()]).when(resolve).then([resolved]);
    expect(state).toMatchObject({ status: 'resolved', acknowledgedBy: null });
  });
  it('refuses to resolve twice', () => {
    spec.given([opened(), resolved]).when(resolve).thenThrows('INCIDENT.ALREADY_RESOLVED', ConflictError);
  });
  it('refuses a resolution that says nothing', () => {
    spec.given([opened()]).when({ ...resolve, data: { ...resolve.data, resolution: '  ' } }).thenThrows('INCIDENT.RESOLUTION_REQUIRED', ValidationError);
  });
  it('refuses an incident that was never opened', () => {
    spec.given([]).when(resolve).thenThrows('INCIDENT.NOT_FOUND', NotFoundError);
  });
});
