import fc from 'fast-check';
import { cohortOf } from '@edict/contracts';
import { CohortCache } from './cohort-cache';

describe('CohortCache', () => {
  it('gives cohortOf\'s cohort for any policy and subject, asked once or again', () => {
    const cohorts = new CohortCache();
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));
    fc.assert(fc.property(text, text, (policyId, subject) => {
      expect(cohorts.of(policyId, subject)).toBe(cohortOf(policyId, subject));
      expect(cohorts.of(policyId, subject)).toBe(cohortOf(policyId, subject));
    }), { numRuns: 2000 });
  });

  it('keeps ("a", "b\\u0000c") and ("a\\u0000b", "c") apart only as cohortOf does, and stays right past its bound', () => {
    const cohorts = new CohortCache();
    expect(cohorts.of('a', 'b\u0000c')).toBe(cohortOf('a', 'b\u0000c'));
    for (let i = 0; i < 25_000; i += 1) expect(cohorts.of('org/p', `s-${i % 12_000}`)).toBe(cohortOf('org/p', `s-${i % 12_000}`));
  });
});
