import { compiled } from '../testing/bundle-builder';
import type { DecisionRecord } from './decision-record.types';
import { parseExceptionList } from './parse-exception-list';
import { simulateImpact } from './simulate-impact';
import type { SimulatedException } from './simulated-exception';

const record = (id: string, resource: string, effect: DecisionRecord['result']['effect'], rule: string | null, extra: Partial<DecisionRecord> = {}): DecisionRecord => ({
  decisionId: id,
  timestamp: '2026-01-10T00:00:00Z',
  policyId: 'org/net',
  version: '1.0.0',
  request: { agent: 'bot', action: 'connect', resource },
  result: { effect, rule, noMatch: rule === null },
  ...extra,
});

const exc = (id: string, ruleId: string, resource: string, extra: Partial<SimulatedException> = {}): SimulatedException => ({ exceptionId: id, policyId: 'org/net', ruleId, resource, ...extra });

describe('simulateImpact with exceptions', () => {
  const candidate = compiled('org/net', [
    { id: 'deny-legacy', effect: 'deny', match: { action: 'connect', resource: 'legacy/*' } },
    { id: 'allow-all-connect', effect: 'allow', match: { action: 'connect' } },
  ], {});
  const records = [
    record('1', 'legacy/a', 'allow', 'allow-all-connect'),
    record('2', 'legacy/b', 'allow', 'allow-all-connect'),
    record('3', 'legacy/c', 'allow', 'allow-all-connect', { subject: 'team-x' }),
    record('4', 'npm', 'allow', 'allow-all-connect'),
    record('5', 'legacy/a', 'allow', 'allow-all-connect', { timestamp: '2026-03-01T00:00:00Z' }),
  ];

  it('given no exceptions, when replayed, then the report has no exceptions section', () => {
    expect(simulateImpact(candidate, records).exceptions).toBeUndefined();
  });

  it('given exceptions, when replayed, then both replays are reported and each exception counts the decisions it changed', () => {
    const exceptions = [
      exc('EXC-001', 'deny-legacy', 'legacy/a', { expiresAt: '2026-02-01T00:00:00Z' }),
      exc('EXC-002', 'deny-legacy', 'legacy/c', { subject: 'team-x' }),
      exc('EXC-003', 'deny-legacy', 'legacy/b', { revokedAt: '2026-01-01T00:00:00Z' }),
      exc('EXC-004', 'allow-all-connect', 'npm', { policyId: 'teams/other' }),
    ];
    const report = simulateImpact(candidate, records, [], { exceptions });
    expect(report).toMatchObject({ replayed: 5, changed: 4, unchanged: 1 });
    expect(report.exceptions).toMatchObject({ considered: 3, changedByExceptions: 2, changed: 2, unchanged: 3 });
    expect(report.exceptions?.byException).toEqual([
      { exceptionId: 'EXC-001', policyId: 'org/net', ruleId: 'deny-legacy', resource: 'legacy/a', applied: 1, changed: 1 },
      { exceptionId: 'EXC-002', policyId: 'org/net', ruleId: 'deny-legacy', resource: 'legacy/c', applied: 1, changed: 1 },
      { exceptionId: 'EXC-003', policyId: 'org/net', ruleId: 'deny-legacy', resource: 'legacy/b', applied: 0, changed: 0 },
    ]);
    expect(report.exceptions?.groups).toEqual([expect.objectContaining({ from: 'allow', to: 'deny', count: 2 })]);
  });

  it('given an exception for another subject, when replayed, then it does not apply', () => {
    const report = simulateImpact(candidate, [record('3', 'legacy/c', 'allow', 'allow-all-connect', { subject: 'team-y' })], [], { exceptions: [exc('EXC-002', 'deny-legacy', 'legacy/c', { subject: 'team-x' })] });
    expect(report.exceptions).toMatchObject({ changedByExceptions: 0, byException: [expect.objectContaining({ applied: 0 })] });
  });
});

describe('parseExceptionList', () => {
  const item = { exceptionId: 'EXC-001', policyId: 'org/net', ruleId: 'r', resource: 'legacy/*', status: 'approved', active: true, expiresAt: '2026-02-01T00:00:00Z', ticket: 'T-1' };

  it('given GET /v1/exceptions answer, when parsed, then its items come back with the fields the replay uses', () => {
    expect(parseExceptionList(JSON.stringify({ items: [item] }))).toEqual({ exceptions: [{ exceptionId: 'EXC-001', policyId: 'org/net', ruleId: 'r', resource: 'legacy/*', expiresAt: '2026-02-01T00:00:00Z' }], problems: [] });
  });

  it('given NDJSON with an invalid line, when parsed, then the problem names its line', () => {
    const { exceptions, problems } = parseExceptionList(`${JSON.stringify(item)}\n\n{bad\n${JSON.stringify({ ...item, ruleId: 7 })}\n`, 'e.ndjson');
    expect(exceptions).toHaveLength(1);
    expect(problems.map((p) => [p.code, p.line, p.filename])).toEqual([['POLICY.EXCEPTION_RECORD_INVALID', 3, 'e.ndjson'], ['POLICY.EXCEPTION_RECORD_INVALID', 4, 'e.ndjson']]);
    expect(problems[1]!.message).toBe('ruleId must be a non-empty string');
  });

  it('given a JSON array with a bad expiry, when parsed, then the item is named', () => {
    expect(parseExceptionList(JSON.stringify([{ ...item, expiresAt: 'soon' }])).problems[0]!.message).toBe('item 0: expiresAt must be an ISO time');
  });
});
