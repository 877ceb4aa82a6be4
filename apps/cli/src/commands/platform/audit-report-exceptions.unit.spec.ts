import type { StoredEvent } from '@edict/event-store';
import { buildPolicyReport } from './audit-report';
import { chainedLog } from './chained-log.fixture';
import { reportMarkdown } from './render-audit-report';

const P = 'org/storage';
const T = (d: number): string => new Date(Date.UTC(2026, 0, d)).toISOString();
const requested = (id: string, resource: string, expiresAt: string, extra: Record<string, unknown> = {}): [string, string, unknown] =>
  [`exception-${id}`, 'ExceptionRequested', { exceptionId: id, policyId: P, ruleId: 'deny-unencrypted', resource, justification: `legacy ${resource}`, ticket: `SEC-${id.slice(4)}`, requestedBy: 'alice', requestedAt: T(1), expiresAt, ...extra }];

/** EXC-001 approved then revoked, EXC-002 approved and expired by the job, EXC-003 approved and past expiry, EXC-004 only requested. */
function aLog(): StoredEvent[] {
  const raw: [string, string, unknown][] = [
    requested('EXC-001', 'buckets/a', T(20)),
    ['exception-EXC-001', 'ExceptionApproved', { exceptionId: 'EXC-001', policyId: P, approvedBy: 'rita', role: 'security', approvedAt: T(2), expiresAt: T(20) }],
    requested('EXC-002', 'buckets/b', T(5), { subject: 'team-x' }),
    ['exception-EXC-002', 'ExceptionApproved', { exceptionId: 'EXC-002', policyId: P, approvedBy: 'sam', role: 'security', approvedAt: T(2), expiresAt: T(5) }],
    ['exception-EXC-001', 'ExceptionRevoked', { exceptionId: 'EXC-001', policyId: P, revokedBy: 'rita', reason: 'bucket encrypted now', revokedAt: T(3) }],
    ['exception-EXC-002', 'ExceptionExpired', { exceptionId: 'EXC-002', policyId: P, expiresAt: T(5), expiredAt: T(5) }],
    requested('EXC-003', 'buckets/c', T(8)),
    ['exception-EXC-003', 'ExceptionApproved', { exceptionId: 'EXC-003', policyId: P, approvedBy: 'rita', role: 'security', approvedAt: T(6), expiresAt: T(8) }],
    requested('EXC-004', 'buckets/d', T(28)),
  ];
  return chainedLog(raw, T(10));
}

describe('buildPolicyReport: exceptions', () => {
  const report = buildPolicyReport(P, aLog(), new Date(T(10)));

  it('given requested, approved, revoked and expired exceptions, then each has its rule, resource, people, expiry and status', () => {
    expect(report.versions).toEqual([]);
    expect(report.exceptions.map((e) => [e.exceptionId, e.ruleId, e.resource, e.requestedBy, e.approvedBy, e.expiresAt, e.status])).toEqual([
      ['EXC-001', 'deny-unencrypted', 'buckets/a', 'alice', ['rita (security)'], T(20), 'revoked'],
      ['EXC-002', 'deny-unencrypted', 'buckets/b', 'alice', ['sam (security)'], T(5), 'expired'],
      ['EXC-003', 'deny-unencrypted', 'buckets/c', 'alice', ['rita (security)'], T(8), 'approved, past expiry'],
      ['EXC-004', 'deny-unencrypted', 'buckets/d', 'alice', [], T(28), 'requested'],
    ]);
    expect(report.exceptions[0]).toMatchObject({ revokedBy: 'rita', revokeReason: 'bucket encrypted now', ticket: 'SEC-001', justification: 'legacy buckets/a' });
    expect(report.exceptions[1]!.subject).toBe('team-x');
  });

  it('given the revoked exception, then its steps carry the reasons and log positions', () => {
    expect(report.exceptions[0]!.steps.map((s) => [s.step, s.by, s.position])).toEqual([['exception requested', 'alice', 1], ['exception approved', 'rita', 2], ['exception revoked', 'rita', 5]]);
    expect(report.exceptions[0]!.steps[2]!.detail).toBe('reason: bucket encrypted now');
    expect(report.exceptions[1]!.steps.map((s) => [s.step, s.position])).toEqual([['exception requested', 3], ['exception approved', 4], ['exception expired', 6]]);
  });

  it('renders an Exceptions section in the Markdown with a row per exception and its steps', () => {
    const md = reportMarkdown(report);
    expect(md).toContain('## Exceptions');
    expect(md).toContain(`| EXC-001 | deny-unencrypted | buckets/a | alice | rita (security) | ${T(20)} | revoked by rita | SEC-001 | justification: legacy buckets/a; revoked: bucket encrypted now |`);
    expect(md).toContain('| buckets/b (subject team-x) |');
    expect(md).toContain(`| EXC-001 | ${T(3)} | exception revoked | rita | reason: bucket encrypted now | 5 |`);
  });

  it('given a log without exceptions, then the Markdown has no Exceptions section', () => {
    expect(reportMarkdown(buildPolicyReport(P, aLog().slice(0, 0))).includes('## Exceptions')).toBe(false);
  });
});
