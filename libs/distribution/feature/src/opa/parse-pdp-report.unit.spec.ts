import { ValidationError } from '@edict/core';
import { parsePdpReport } from './parse-pdp-report';

const code = (body: unknown): string | undefined => {
  try {
    parsePdpReport(body);
    return undefined;
  } catch (error) {
    return error instanceof ValidationError ? error.code : 'not a ValidationError';
  }
};

describe('parsePdpReport', () => {
  it('keeps labels and, per policy, the revision outside the canary and the canary', () => {
    expect(parsePdpReport({
      labels: { host: 'web-1' },
      policies: [{ policyId: 'org/baseline', revision: '1.0.0', canary: { version: '1.1.0', percentage: 10 } }, { policyId: 'org/egress', revision: null, canary: null }],
    })).toEqual({
      labels: { host: 'web-1' },
      policies: [{ policyId: 'org/baseline', revision: '1.0.0', canary: { version: '1.1.0', percentage: 10 } }, { policyId: 'org/egress', revision: null, canary: null }],
    });
    expect(parsePdpReport({ policies: [{ policyId: 'org/x', revision: 'kill-switch-fail-closed' }] }).policies[0]?.canary).toBeNull();
  });

  it.each([
    ['not an object', []],
    ['no policies', { labels: {} }],
    ['a label that is not a string', { labels: { n: 1 }, policies: [] }],
    ['a bad policy id', { policies: [{ policyId: 'Org/../x', revision: '1.0.0', canary: null }] }],
    ['a revision that is not a string', { policies: [{ policyId: 'org/x', revision: 7, canary: null }] }],
    ['a percentage out of range', { policies: [{ policyId: 'org/x', revision: '1.0.0', canary: { version: '1.1.0', percentage: 101 } }] }],
    ['a canary without a version', { policies: [{ policyId: 'org/x', revision: '1.0.0', canary: { percentage: 10 } }] }],
  ])('refuses %s with FLEET.PDP_REPORT_INVALID', (_what, body) => {
    expect(code(body)).toBe('FLEET.PDP_REPORT_INVALID');
  });
});
