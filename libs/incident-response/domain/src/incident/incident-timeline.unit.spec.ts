import type { TriggerEvidence } from '@edict/contracts';
import { incidentTimeline, type RecordedIncidentEvent } from './incident-timeline';

const ID = 'INC-2026-0001';
const evidence: TriggerEvidence = { observed: 0.9, threshold: 0.5, action: 'rollback', sampleSize: 400, canary: true };
const rec = <E extends RecordedIncidentEvent>(e: Omit<E, 'recordedAt'>): E => ({ ...e, recordedAt: '2026-03-01T10:00:00.000Z' }) as E;
const events: RecordedIncidentEvent[] = [
  rec({ type: 'IncidentOpened', data: { incidentId: ID, policyId: 'org/p', version: '1.1.0', severity: 'high', trigger: 'deny_rate', summary: 'deny rate 90% > 50%', openedAt: '2026-03-01T14:23:00.000Z', evidence } }),
  rec({ type: 'RollbackRequested', data: { incidentId: ID, policyId: 'org/p', version: '1.1.0', reason: 'auto', requestedAt: '2026-03-01T14:23:00.000Z' } }),
  rec({ type: 'IncidentRollbackCompleted', data: { incidentId: ID, fromVersion: '1.1.0', toVersion: '1.0.0', rolledBackBy: 'system:incident-response', automatic: true, rolledBackAt: '2026-03-01T14:23:04.000Z' } }),
  rec({ type: 'IncidentAcknowledged', data: { incidentId: ID, acknowledgedBy: 'dave', acknowledgedAt: '2026-03-01T14:30:00.000Z' } }),
  rec({ type: 'IncidentResolved', data: { incidentId: ID, resolvedBy: 'dave', resolution: 'fixed in 1.1.1', resolvedAt: '2026-03-01T14:42:00.000Z' } }),
];

describe('incidentTimeline', () => {
  it('lists every event with its time and gives MTTR, time to rollback and to acknowledge', () => {
    const t = incidentTimeline(events);
    expect(t.entries.map((e) => [e.at.slice(11, 19), e.event])).toEqual([
      ['14:23:00', 'IncidentOpened'], ['14:23:00', 'RollbackRequested'], ['14:23:04', 'IncidentRollbackCompleted'], ['14:30:00', 'IncidentAcknowledged'], ['14:42:00', 'IncidentResolved'],
    ]);
    expect(t).toMatchObject({ mttrMs: 19 * 60_000, timeToRollbackMs: 4000, timeToAcknowledgeMs: 7 * 60_000, fromVersion: '1.1.0', toVersion: '1.0.0' });
  });

  it('has no MTTR until resolved', () => {
    expect(incidentTimeline(events.slice(0, 2))).toMatchObject({ mttrMs: null, rolledBackAt: null, toVersion: null, fromVersion: '1.1.0' });
  });
});
