import { buildPolicyReport } from './audit-report';
import { chainedLog } from './chained-log.fixture';

const P = 'org/legacy';
const T = (m: number): string => new Date(Date.UTC(2026, 0, 5, 9, m)).toISOString();

describe('buildPolicyReport with a retirement', () => {
  it('given a forced PolicyRetired, then the policy steps say who retired it, why, the decisions it still served and the major a reuse needs', () => {
    const log = chainedLog([
      [`rollout-${P}`, 'RolloutStarted', { policyId: P, version: '1.0.0', digest: 'sha256:a', percentage: 10, stableVersion: null, startedBy: 'pat', startedAt: T(1) }],
      [`rollout-${P}`, 'PolicyRetired', { policyId: P, reason: 'replaced by org/egress', retiredBy: 'root', retiredAt: T(2), lastVersion: '1.0.0', lastMajor: 1, quietDays: 30, recentDecisions: 4, forced: true }],
    ], T(3));
    const report = buildPolicyReport(P, log, new Date(T(4)));
    expect(report.policySteps).toEqual([expect.objectContaining({ at: T(2), by: 'root', step: 'RETIRED (forced)', detail: expect.stringContaining('4 decisions in the last 30 days; the id serves again only above major 1') as unknown })]);
  });
});
