import type { ExistingException } from './exception-view';
import { durationMs, listExceptions } from './list-exceptions';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const ex = (id: string, status: ExistingException['status'], expiresAt: string, policyId = 'org/storage'): ExistingException => ({
  kind: 'exists',
  status,
  request: { exceptionId: id, policyId, ruleId: 'r', resource: 'x/*', justification: 'j', ticket: 't', requestedBy: 'alice', requestedAt: '2026-11-30T00:00:00.000Z', expiresAt },
});
const all = [
  ex('EXC-001', 'approved', '2026-12-05T00:00:00.000Z'),
  ex('EXC-002', 'approved', '2026-12-20T00:00:00.000Z', 'teams/alpha/x'),
  ex('EXC-003', 'requested', '2026-12-03T00:00:00.000Z'),
  ex('EXC-004', 'revoked', '2026-12-02T00:00:00.000Z'),
  ex('EXC-005', 'approved', '2026-11-30T12:00:00.000Z'),
];
const ids = (query: Parameters<typeof listExceptions>[1]) => listExceptions(all, query, NOW).map((e) => e.exceptionId);

describe('listExceptions', () => {
  it('`expiring 7d` lists pending and approved exceptions expiring within 7 days, not revoked or already past', () => {
    expect(ids({ expiring: '7d' })).toEqual(['EXC-001', 'EXC-003']);
  });

  it('`status=active` is approved and before expiry now (an approved one past its expiry is not active)', () => {
    expect(ids({ status: 'active' })).toEqual(['EXC-001', 'EXC-002']);
    expect(listExceptions(all, {}, NOW).find((e) => e.exceptionId === 'EXC-005')).toMatchObject({ status: 'approved', active: false });
  });

  it('filters by policy and status', () => {
    expect(ids({ policyId: 'teams/alpha/x' })).toEqual(['EXC-002']);
    expect(ids({ status: 'revoked' })).toEqual(['EXC-004']);
  });

  it('reads durations in s, m, h and d', () => {
    expect([durationMs('30s'), durationMs('5m'), durationMs('12h'), durationMs('7d')]).toEqual([30_000, 300_000, 43_200_000, 604_800_000]);
  });
});
