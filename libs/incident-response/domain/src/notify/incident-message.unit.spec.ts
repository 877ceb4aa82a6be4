import { genericBody, messageLines, slackBody, type IncidentMessage } from './incident-message';

const message: IncidentMessage = {
  incidentId: 'INC-2026-0007', severity: 'high', title: 'Error Rate High', policyId: 'org/payments', version: '2.2.0', canaryShare: 10,
  metric: 'Error Rate', observed: 0.123, threshold: 0.1, durationSeconds: 180, action: 'Auto-rollback initiated', runbook: 'https://runbooks.example/policy#emergency-rollback',
};

describe('incident notification bodies (the runbook format)', () => {
  it('says bundle, canary share, metric and threshold, duration, action and runbook', () => {
    expect(messageLines(message)).toEqual([
      '🚨 [POLICY ALERT] Error Rate High (INC-2026-0007, HIGH)',
      'Bundle: org/payments@2.2.0 (Canary 10%)',
      'Error Rate: 12.3% (threshold: 10%)',
      'Duration: 3 minutes',
      'Action: Auto-rollback initiated',
      'Runbook: https://runbooks.example/policy#emergency-rollback',
    ]);
  });

  it('leaves out what it does not know', () => {
    expect(messageLines({ ...message, canaryShare: null, observed: null, durationSeconds: null, metric: 'Manual Rollback' }).slice(1, 3)).toEqual(['Bundle: org/payments@2.2.0', 'Manual Rollback']);
  });

  it('builds a Slack body with text and a mrkdwn block, and a generic body with every field', () => {
    const slack = slackBody(message);
    expect(slack['text']).toBe(messageLines(message).join('\n'));
    expect(slack['blocks']).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: slack['text'] } }]);
    expect(genericBody(message)).toMatchObject({ incidentId: 'INC-2026-0007', canaryShare: 10, observed: 0.123, threshold: 0.1, action: 'Auto-rollback initiated' });
  });
});
