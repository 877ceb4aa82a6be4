import type { StoredEvent } from '@edict/event-store';
import { buildPolicyReport } from './audit-report';
import { chainedLog } from './chained-log.fixture';
import { reportMarkdown } from './render-audit-report';

const P = 'org/baseline';
const T = (m: number): string => new Date(Date.UTC(2026, 0, 5, 9, m)).toISOString();

/** A released 1.0.0 and a 1.1.0 approved on the emergency path, promoted past a failed gate, rolled back by an incident. */
function aLog(): StoredEvent[] {
  const raw: [string, string, unknown][] = [
    [`bundle-${P}`, 'BundleDrafted', { policyId: P, version: '1.0.0', digest: 'sha256:a', author: 'alice', draftedAt: T(0) }],
    [`bundle-${P}`, 'BundleDraftRevised', { policyId: P, version: '1.0.0', digest: 'sha256:a2', author: 'bob', revisedAt: T(1) }],
    [`validation-${P}@1.0.0`, 'BundleValidated', { policyId: P, version: '1.0.0', digest: 'sha256:a2', checks: [], warnings: [], validatedAt: T(2), report: { checks: [{ name: 'schema', status: 'pass', findings: [] }, { name: 'lint', status: 'pass', findings: [{}] }] } }],
    [`bundle-${P}`, 'BundleApprovalGranted', { policyId: P, version: '1.0.0', digest: 'sha256:a2', approver: 'rita', role: 'security', grantedAt: T(3) }],
    [`signature-${P}@1.0.0`, 'BundleSigned', { policyId: P, version: '1.0.0', digest: 'sha256:a2', kid: 'k-2026', alg: 'ES256', signature: 'x..abcdefghijklmnopqrstuvwxyz', signedAt: T(4) }],
    [`rollout-${P}`, 'RolloutStarted', { policyId: P, version: '1.0.0', digest: 'sha256:a2', percentage: 10, stableVersion: null, startedBy: 'pat', startedAt: T(5) }],
    [`bundle-${P}`, 'BundleDrafted', { policyId: P, version: '1.1.0', digest: 'sha256:b', author: 'alice', draftedAt: T(10) }],
    [`bundle-${P}`, 'BundleApprovalGranted', { policyId: P, version: '1.1.0', digest: 'sha256:b', approver: 'sam', role: 'security', emergency: true, reason: 'CVE-2026-1', grantedAt: T(11) }],
    [`rollout-${P}`, 'RolloutPromoted', { policyId: P, version: '1.1.0', digest: 'sha256:b', from: 10, to: 50, promotedBy: 'pat', gate: { passed: false, overridden: true, reason: 'hotfix', failures: ['error rate 2% > 1%'], overriddenBy: 'pat' }, promotedAt: T(12) }],
    ['incident-INC-2026-0001', 'IncidentOpened', { incidentId: 'INC-2026-0001', policyId: P, version: '1.1.0', severity: 'HIGH', trigger: 'deny_rate', summary: 'deny rate 40%', openedAt: T(13) }],
    [`rollout-${P}`, 'BundleRolledBack', { policyId: P, fromVersion: '1.1.0', toVersion: '1.0.0', reason: 'deny rate 40%', rolledBackBy: 'system:incident-response', automatic: true, incidentId: 'INC-2026-0001', rolledBackAt: T(14) }],
    ['incident-INC-2026-0001', 'IncidentResolved', { incidentId: 'INC-2026-0001', resolvedBy: 'olga', resolution: 'rule fixed in 1.2.0', resolvedAt: T(20) }],
    [`rollout-${P}`, 'PolicyDisabled', { policyId: P, mode: 'fail-closed', reason: 'drill', disabledBy: 'admin', disabledAt: T(21) }],
  ];
  return chainedLog(raw, T(30));
}

describe('buildPolicyReport', () => {
  it('given a released and a rolled-back version, then each has its authors, verdict, approvals, signature and status', () => {
    const report = buildPolicyReport(P, aLog());
    expect(report.versions.map((v) => [v.version, v.status, v.authors, v.validation, v.approvedBy, v.emergency, v.signature])).toEqual([
      ['1.0.0', 'serving 10%', ['alice', 'bob'], 'passed', ['rita (security)'], false, 'k-2026 (ES256)'],
      ['1.1.0', 'rolled back', ['alice'], undefined, ['sam (security)'], true, undefined],
    ]);
  });

  it('given the rolled-back version, then its steps name the gate override, the incident, the rollback and the resolution with reasons and positions', () => {
    const steps = buildPolicyReport(P, aLog()).versions[1]!.steps;
    expect(steps.map((s) => [s.step, s.by, s.position])).toEqual([
      ['drafted', 'alice', 7],
      ['approval (EMERGENCY)', 'sam', 8],
      ['promoted 10% → 50%', 'pat', 9],
      ['incident INC-2026-0001 opened (HIGH)', 'system:incident-response', 10],
      ['rolled back (automatic)', 'system:incident-response', 11],
      ['incident INC-2026-0001: resolved', 'olga', 12],
    ]);
    expect(steps[1]!.detail).toContain('reason: CVE-2026-1');
    expect(steps[2]!.detail).toBe('GATE OVERRIDDEN by pat: hotfix; failed: error rate 2% > 1%');
    expect(steps[4]!.detail).toBe('to 1.0.0; reason: deny rate 40%; incident INC-2026-0001');
  });

  it('renders Markdown a ticket can hold: a section per version, the checks, the kill switch', () => {
    const md = reportMarkdown(buildPolicyReport(P, aLog()));
    expect(md).toContain('# Change record: org/baseline');
    expect(md).toContain('## Version 1.1.0');
    expect(md).toContain('- **Approved by:** sam (security) — **EMERGENCY PATH**');
    expect(md).toContain('| validation passed | system:validation | schema pass, lint pass (1 findings) | 3 |');
    expect(md).toContain('| KILL SWITCH ON (fail-closed) | admin | reason: drill | 13 |');
  });
});
