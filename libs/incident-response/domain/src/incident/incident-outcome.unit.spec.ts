import { NotFoundError } from '@edict/core';
import type { IncidentEscalated, IncidentEvidenceAdded, IncidentOpened, IncidentRollbackCompleted, RollbackRequested } from '@edict/contracts';
import { deciderSpec } from '@edict/testing';
import type { Trigger } from '../triggers/trigger.types';
import type { AddEvidence, EscalateRollbackFailure, OpenIncident, RecordRollback } from './incident.commands';
import { incidentDecider } from './incident.decider';

const spec = deciderSpec(incidentDecider);
const ID = 'INC-2026-0001';
const W1 = { windowStart: '2026-03-01T10:00:00.000Z', windowEnd: '2026-03-01T10:00:10.000Z', revision: 1 };
const W2 = { windowStart: '2026-03-01T10:00:10.000Z', windowEnd: '2026-03-01T10:00:20.000Z', revision: 1 };
const trigger: Trigger = { kind: 'deny_rate', observed: 0.9, threshold: 0.5, action: 'rollback', sampleSize: 400, canary: true, severity: 'high', summary: 'deny rate 90% > 50%' };
const evidence = { observed: 0.9, threshold: 0.5, action: 'rollback' as const, sampleSize: 400, canary: true };

const open: OpenIncident = { type: 'OpenIncident', data: { incidentId: ID, policyId: 'org/p', version: '1.1.0', trigger, severity: 'high', at: W1.windowEnd, window: W1, canaryShare: 10 } };
const opened: IncidentOpened = {
  type: 'IncidentOpened',
  data: {
    incidentId: ID, policyId: 'org/p', version: '1.1.0', severity: 'high', trigger: 'deny_rate', summary: trigger.summary, openedAt: W1.windowEnd,
    evidence, windowStart: W1.windowStart, windowEnd: W1.windowEnd, windowRevision: 1, canaryShare: 10,
  },
};
const requested: RollbackRequested = { type: 'RollbackRequested', data: { incidentId: ID, policyId: 'org/p', version: '1.1.0', reason: `auto-rollback: ${trigger.summary}`, requestedAt: W1.windowEnd } };
const add = (window = W2): AddEvidence => ({ type: 'AddEvidence', data: { trigger, window, at: window.windowEnd } });
const added = (window = W2): IncidentEvidenceAdded => ({
  type: 'IncidentEvidenceAdded',
  data: { incidentId: ID, trigger: 'deny_rate', summary: trigger.summary, windowStart: window.windowStart, windowEnd: window.windowEnd, windowRevision: window.revision, evidence, addedAt: window.windowEnd },
});
const AT = '2026-03-01T10:00:25.000Z';
const record: RecordRollback = { type: 'RecordRollback', data: { fromVersion: '1.1.0', toVersion: '1.0.0', by: 'system:incident-response', automatic: true, at: AT } };
const completed: IncidentRollbackCompleted = { type: 'IncidentRollbackCompleted', data: { incidentId: ID, fromVersion: '1.1.0', toVersion: '1.0.0', rolledBackBy: 'system:incident-response', automatic: true, rolledBackAt: AT } };
const escalate: EscalateRollbackFailure = { type: 'EscalateRollbackFailure', data: { reason: 'no BundleRolledBack within 60 s', at: AT } };
const escalated: IncidentEscalated = { type: 'IncidentEscalated', data: { incidentId: ID, fromSeverity: 'high', severity: 'critical', reason: escalate.data.reason, escalatedAt: AT } };

describe('one incident per rollout problem', () => {
  it('given no incident, when a window triggers, then it opens with its window, canary share and a rollback request', () => {
    const state = spec.given([]).when(open).then([opened, requested]);
    expect(state).toMatchObject({ status: 'open', canaryShare: 10, decisionsAffected: 400, rollback: { requestedAt: W1.windowEnd, completedAt: null } });
  });

  it('given an incident, when a further window triggers, then it is evidence: no new incident, no second rollback', () => {
    const state = spec.given([opened, requested]).when(add()).then([added()]);
    expect(state).toMatchObject({ decisionsAffected: 800, rollbackRequested: true });
  });

  it('given the window that opened it, when it is redelivered as evidence, then nothing', () => {
    spec.given([opened, requested]).when(add(W1)).then([]);
    spec.given([opened, requested, added()]).when(add()).then([]);
  });

  it('given a window, when its correction (revision 2) arrives, then the correction is evidence too', () => {
    const corrected = { ...W1, revision: 2 };
    spec.given([opened, requested]).when(add(corrected)).then([added(corrected)]);
  });

  it('given a resolved incident (rolled back), when a late window arrives, then it is still recorded as evidence', () => {
    const resolved = { type: 'IncidentResolved' as const, data: { incidentId: ID, resolvedBy: 'dave', resolution: 'rolled back', resolvedAt: AT } };
    spec.given([opened, requested, completed, resolved]).when(add()).then([added()]);
  });

  it('refuses evidence for an incident that does not exist', () => {
    spec.given([]).when(add()).thenThrows('INCIDENT.NOT_FOUND', NotFoundError);
  });
});

describe('rollback outcome', () => {
  it('given a requested rollback, when BundleRolledBack arrives, then the incident records it once', () => {
    const state = spec.given([opened, requested]).when(record).then([completed]);
    expect(state).toMatchObject({ rollback: { completedAt: AT, toVersion: '1.0.0' } });
    spec.given([opened, requested, completed]).when(record).then([]);
  });

  it('given a requested rollback that did not come, when the deadline passes, then CRITICAL, once', () => {
    const state = spec.given([opened, requested]).when(escalate).then([escalated]);
    expect(state).toMatchObject({ severity: 'critical', rollback: { escalatedAt: AT } });
    spec.given([opened, requested, escalated]).when(escalate).then([]);
  });

  it('given a completed rollback, or none requested, when the deadline check runs, then nothing', () => {
    spec.given([opened, requested, completed]).when(escalate).then([]);
    spec.given([opened]).when(escalate).then([]);
  });

  it('given an escalated incident, when the rollback arrives late, then it is still recorded', () => {
    spec.given([opened, requested, escalated]).when(record).then([completed]);
  });
});

describe('notification dead letter', () => {
  it('records the webhook that kept failing', () => {
    spec.given([opened]).when({ type: 'RecordNotificationFailure', data: { about: 'IncidentOpened', webhook: 'http://127.0.0.1:9/hook', attempts: 4, lastError: 'HTTP 500', at: AT } })
      .then([{ type: 'IncidentNotificationFailed', data: { incidentId: ID, about: 'IncidentOpened', webhook: 'http://127.0.0.1:9/hook', attempts: 4, lastError: 'HTTP 500', failedAt: AT } }]);
  });
});
