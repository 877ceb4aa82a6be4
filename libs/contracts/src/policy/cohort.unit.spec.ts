import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { cohortOf } from './cohort';

/** The algorithm as first written (a createHash object): every cohort must stay what it was. */
const reference = (policyId: string, subject: string): number => Number.parseInt(createHash('sha256').update(`${policyId}\u0000${subject}`).digest('hex').slice(0, 8), 16) % 100;

describe('cohortOf', () => {
  it('gives the pinned vectors', () => {
    expect([cohortOf('org/payments', 'alice'), cohortOf('org/payments', 'bob'), cohortOf('teams/pay/refunds', 'user-42')]).toEqual([18, 39, 95]);
  });

  it('gives the same cohort as the createHash implementation for any policy id and subject, in any script', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(fc.property(text, text, (policyId, subject) => {
      expect(cohortOf(policyId, subject)).toBe(reference(policyId, subject));
    }), { numRuns: 5000 });
  });

  it.each([['org/a', '\uD800'], ['org/a', 'x\uDFFFy'], ['org/a', ''], ['', 'é'], ['org/a', 'a\u0000b']])('gives the reference cohort for (%j, %j): lone surrogates and NUL too', (policyId, subject) => {
    expect(cohortOf(policyId, subject)).toBe(reference(policyId, subject));
  });
});
