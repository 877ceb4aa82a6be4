import fc from 'fast-check';
import { cohortOf, servesCanary } from './cohort';

describe('cohortOf', () => {
  // Vectors pinned so that any other implementation (OPA fleets, the sidecar) can check itself:
  // sha256("org/payments\0alice") starts 4841e1e2 = 1212277218, mod 100 = 18.
  it.each([
    ['org/payments', 'alice', 18],
    ['org/payments', 'bob', 39],
    ['teams/pay/refunds', 'user-42', 95],
  ])('cohortOf(%s, %s) = %i', (policyId, subject, cohort) => {
    expect(cohortOf(policyId, subject)).toBe(cohort);
  });

  it('is an integer in 0..99 and the same on every call', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (policyId, subject) => {
      const cohort = cohortOf(policyId, subject);
      expect(Number.isInteger(cohort) && cohort >= 0 && cohort < 100).toBe(true);
      expect(cohortOf(policyId, subject)).toBe(cohort);
    }));
  });

  it('spreads subjects roughly evenly (no cohort gets more than twice its share)', () => {
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 20_000; i += 1) counts[cohortOf('org/payments', `subject-${i}`)]! += 1;
    expect(Math.max(...counts)).toBeLessThan(400);
    expect(Math.min(...counts)).toBeGreaterThan(100);
  });
});

describe('servesCanary', () => {
  it('gives the canary to cohorts below the percentage', () => {
    expect(servesCanary(9, 10)).toBe(true);
    expect(servesCanary(10, 10)).toBe(false);
    expect(servesCanary(99, 100)).toBe(true);
  });

  it('grows monotonically: a cohort that had the canary at 10% keeps it at 50% and 100%', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), (cohort) => {
      expect(!servesCanary(cohort, 10) || (servesCanary(cohort, 50) && servesCanary(cohort, 100))).toBe(true);
    }));
  });
});
