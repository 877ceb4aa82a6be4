import { compiled } from '../testing/bundle-builder';
import type { DecisionRecord } from './decision-record.types';
import { parseDecisionLog } from './parse-decision-log';
import { simulateImpact } from './simulate-impact';

const record = (id: string, resource: string, effect: DecisionRecord['result']['effect'], rule: string | null, policyId = 'org/net'): DecisionRecord => ({
  decisionId: id,
  timestamp: '2026-01-01T00:00:00Z',
  policyId,
  version: '1.0.0',
  request: { agent: 'bot', action: 'connect', resource },
  result: { effect, rule, noMatch: rule === null },
});

describe('simulateImpact', () => {
  const candidate = compiled('org/net', [
    { id: 'allow-npm', effect: 'allow', match: { action: 'connect', resource: 'npm' } },
    { id: 'approve-github', effect: 'require_approval', match: { action: 'connect', resource: 'github' } },
  ], {});

  it('given recorded decisions, when replayed on a candidate, then changes are grouped old → new with rules and examples', () => {
    const records = [
      record('1', 'npm', 'allow', 'allow-npm'),
      record('2', 'pypi', 'allow', 'allow-pypi'),
      record('3', 'pypi', 'allow', 'allow-pypi'),
      record('4', 'github', 'allow', 'allow-github'),
      record('5', 'evil', 'deny', null),
      record('6', 'npm', 'deny', 'x', 'teams/a/other'),
    ];
    const report = simulateImpact(candidate, records, [], { examplesPerGroup: 1 });
    expect(report).toMatchObject({ policyId: 'org/net', candidateVersion: '1.0.0', replayed: 5, skipped: 1, changed: 3, unchanged: 2, ruleChangedOnly: 0, errors: 0 });
    expect(report.groups).toEqual([
      { from: 'allow', to: 'deny', count: 2, rules: [{ rule: 'org/net (default)', count: 2 }], examples: [expect.objectContaining({ decisionId: '2', before: { effect: 'allow', rule: 'allow-pypi' }, after: expect.objectContaining({ effect: 'deny', rule: null }) })] },
      { from: 'allow', to: 'require_approval', count: 1, rules: [{ rule: 'org/net approve-github', count: 1 }], examples: [expect.objectContaining({ decisionId: '4' })] },
    ]);
  });

  it('given the same effect from another rule, when replayed, then it counts as a rule change only', () => {
    expect(simulateImpact(candidate, [record('1', 'npm', 'allow', 'old-rule')])).toMatchObject({ changed: 0, ruleChangedOnly: 1 });
  });
});

describe('parseDecisionLog', () => {
  it('given NDJSON with blank and invalid lines, when parsed, then records and per-line problems come back', () => {
    const text = [JSON.stringify(record('1', 'npm', 'allow', 'r')), '', '{not json', JSON.stringify({ ...record('2', 'x', 'deny', null), result: { effect: 'maybe', rule: null, noMatch: true } }), JSON.stringify({ decisionId: '3' })].join('\n');
    const { records, problems } = parseDecisionLog(text, 'd.ndjson');
    expect(records.map((r) => r.decisionId)).toEqual(['1']);
    expect(problems.map((p) => [p.line, p.filename])).toEqual([[3, 'd.ndjson'], [4, 'd.ndjson'], [5, 'd.ndjson']]);
    expect(problems[1]!.message).toContain('result.effect');
    expect(problems[2]!.message).toBe('timestamp must be a string');
  });

  it('given extra fields of the decision log (DecisionLogged data), when parsed, then they are accepted', () => {
    const full = { ...record('1', 'npm', 'allow', 'r'), version: null, subject: 's', bundles: [], evaluationNs: 10, source: 'pdp', decisionPoint: 'p', result: { effect: 'allow', rule: 'r', tier: 'org', reason: 'x', noMatch: false } };
    expect(parseDecisionLog(JSON.stringify(full)).records).toHaveLength(1);
  });
});
