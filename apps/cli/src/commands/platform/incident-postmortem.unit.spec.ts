import { renderPostmortem, type IncidentView } from './incident-postmortem';

const view: IncidentView = {
  incidentId: 'INC-2026-0001', policyId: 'org/payments', version: '2.2.0', trigger: 'error_rate', severity: 'high', status: 'resolved', resolution: 'bad CEL in r7',
  timeline: {
    entries: [
      { at: '2026-01-15T14:35:00.000Z', event: 'IncidentOpened', what: 'opened (high): org/payments@2.2.0 (canary): error rate 8.2% > 5.0%' },
      { at: '2026-01-15T14:35:00.000Z', event: 'RollbackRequested', what: 'rollback of 2.2.0 requested' },
      { at: '2026-01-15T14:35:04.000Z', event: 'IncidentRollbackCompleted', what: 'rolled back 2.2.0 → 2.1.0', by: 'system:incident-response' },
      { at: '2026-01-15T14:40:00.000Z', event: 'IncidentAcknowledged', what: 'acknowledged', by: 'dave' },
      { at: '2026-01-15T14:54:00.000Z', event: 'IncidentResolved', what: 'resolved: bad CEL in r7', by: 'dave' },
    ],
    openedAt: '2026-01-15T14:35:00.000Z', rolledBackAt: '2026-01-15T14:35:04.000Z', resolvedAt: '2026-01-15T14:54:00.000Z',
    mttrMs: 19 * 60_000, timeToRollbackMs: 4000, fromVersion: '2.2.0', toVersion: '2.1.0',
  },
  impact: { decisionsAffected: 450, canaryShare: 10 },
};

describe('renderPostmortem', () => {
  it('fills the runbook template with the timeline, impact and versions', () => {
    const text = renderPostmortem(view, 'alice@company.com');
    const section = (name: string): string[] => text.split(`## ${name}\n`)[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(text.split('\n').slice(0, 5)).toEqual([
      '# Policy Post-Mortem: INC-2026-0001 org/payments@2.2.0 (error rate)', '', '**Date**: 2026-01-15', '**Author**: alice@company.com', '**Reviewers**: [fill in]',
    ]);
    expect(section('Summary')).toEqual(['HIGH incident: org/payments@2.2.0 (canary): error rate 8.2% > 5.0%. 2.2.0 was rolled back to 2.1.0. Status: resolved (bad CEL in r7).']);
    expect(section('Timeline (UTC)')).toEqual([
      '- 14:35:00: opened (high): org/payments@2.2.0 (canary): error rate 8.2% > 5.0%',
      '- 14:35:00: rollback of 2.2.0 requested',
      '- 14:35:04: rolled back 2.2.0 → 2.1.0 (system:incident-response)',
      '- 14:40:00: acknowledged (dave)',
      '- 14:54:00: resolved: bad CEL in r7 (dave)',
    ]);
    expect(section('Impact')).toEqual([
      '- **Duration**: 4 seconds (14:35:00 - 14:35:04)',
      '- **Canary Traffic**: 10% of production',
      '- **Decisions Affected**: 450 (in the windows that triggered or were added as evidence)',
      '- **User Impact**: canary only (contained)',
      '- **Versions**: 2.2.0 → 2.1.0',
      '- **Time to Rollback**: 4 seconds',
      '- **MTTR**: 19 minutes',
    ]);
    for (const heading of ['Root Cause', 'What Went Well', 'What Went Wrong', 'Action Items', 'Lessons Learned', 'Related Incidents']) expect(text).toContain(`## ${heading}\n`);
  });

  it('says what is not known yet for an open incident', () => {
    const open: IncidentView = { ...view, status: 'open', timeline: { ...view.timeline, entries: view.timeline.entries.slice(0, 2), rolledBackAt: null, resolvedAt: null, mttrMs: null, timeToRollbackMs: null, toVersion: null } };
    const text = renderPostmortem(open);
    expect(text).toContain('**Author**: [fill in]');
    expect(text).toContain('- **Versions**: 2.2.0 → not rolled back');
    expect(text).toContain('- **MTTR**: not resolved yet');
    expect(text).toContain('- **Duration**: ongoing since 2026-01-15T14:35:00.000Z');
  });
});
