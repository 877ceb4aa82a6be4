import { isStorableDecision } from './decision-shape';

const valid = {
  decisionId: 'd-1', timestamp: '2025-03-01T10:00:30.000Z', policyId: 'org/x', version: '1.0.0', subject: 's',
  request: { agent: 'a', action: 'b', resource: 'r' },
  result: { effect: 'deny', rule: null, tier: null, reason: 'default', noMatch: true },
  bundles: [{ policyId: 'org/x', version: '1.0.0', cohort: 3, canary: true }],
  evaluationNs: 12, source: 'pdp', decisionPoint: 'p',
};

describe('isStorableDecision', () => {
  it('accepts a decision, with or without an active version or an error', () => {
    expect(isStorableDecision(valid)).toBe(true);
    expect(isStorableDecision({ ...valid, version: null, bundles: [] })).toBe(true);
    expect(isStorableDecision({ ...valid, result: { ...valid.result, error: { code: 'CEL', message: 'boom' } } })).toBe(true);
  });

  it.each([
    ['no id', { ...valid, decisionId: '' }],
    ['an unreadable timestamp', { ...valid, timestamp: 'yesterday' }],
    ['no request', { ...valid, request: undefined }],
    ['a result without noMatch', { ...valid, result: { effect: 'deny', rule: null } }],
    ['an error without a code', { ...valid, result: { ...valid.result, error: 'boom' } }],
    ['a bundle without its canary flag', { ...valid, bundles: [{ policyId: 'org/x', version: '1.0.0' }] }],
    ['bundles that are not a list', { ...valid, bundles: {} }],
    ['a negative evaluation time', { ...valid, evaluationNs: -1 }],
    ['a version that is a number', { ...valid, version: 1 }],
  ])('refuses a decision with %s', (_, d) => {
    expect(isStorableDecision(d)).toBe(false);
  });
});
