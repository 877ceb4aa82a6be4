import type { DecisionLogged } from '@edict/contracts';

type Decision = DecisionLogged['data'];

/** A decision of `org/payments@2.0.0` (stable cohort) that allowed; override what a test needs. */
export const aDecision = (extra: Partial<Decision> = {}, result: Partial<Decision['result']> = {}): Decision => ({
  decisionId: 'd-1',
  timestamp: '2025-03-01T10:00:30.000Z',
  policyId: 'org/payments',
  version: '2.0.0',
  subject: 'alice',
  request: { agent: 'inbox.triage', action: 'quarantine', resource: 'msg/1', context: { risk: 90 } },
  result: { effect: 'allow', rule: 'r1', tier: 'org', reason: 'low risk', noMatch: false, ...result },
  bundles: [{ policyId: 'org/payments', version: '2.0.0', cohort: 42, canary: false }],
  evaluationNs: 1000,
  source: 'pdp',
  decisionPoint: 'pdp-1',
  ...extra,
});
