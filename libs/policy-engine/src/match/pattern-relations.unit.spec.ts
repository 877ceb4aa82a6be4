import fc from 'fast-check';
import { compilePattern } from './glob-pattern';
import { covers, mayOverlap } from './pattern-relations';

const alphabet = fc.constantFrom('a', 'b', '/');
const value = fc.array(alphabet, { maxLength: 8 }).map((cs) => cs.join(''));
const glob = fc.oneof(
  fc.array(fc.constantFrom('a', 'b', '/', '*', '**', '?'), { minLength: 1, maxLength: 6 }).map((cs) => cs.join('')),
  value.filter((v) => v.length > 0),
);

describe('pattern relations', () => {
  it('given examples, when compared, then covers and mayOverlap answer as expected', () => {
    expect(covers(compilePattern('repos/**'), compilePattern('repos/a/*'))).toBe(true);
    expect(covers(compilePattern('repos/*'), compilePattern('repos/a'))).toBe(true);
    expect(covers(compilePattern('repos/a'), compilePattern('repos/*'))).toBe(false);
    expect(mayOverlap(compilePattern('secrets/**'), compilePattern('repos/**'))).toBe(false);
    expect(mayOverlap(compilePattern('*.json'), compilePattern('*.yaml'))).toBe(false);
    expect(mayOverlap(compilePattern('a/*'), compilePattern('*/b'))).toBe(true);
  });

  it('given covers(a, b), then every value b matches, a matches too (sound)', () => {
    fc.assert(
      fc.property(glob, glob, value, (a, b, v) => {
        const pa = compilePattern(a), pb = compilePattern(b);
        if (covers(pa, pb) && pb.test(v)) expect(pa.test(v)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('given !mayOverlap(a, b), then no value matches both (sound)', () => {
    fc.assert(
      fc.property(glob, glob, value, (a, b, v) => {
        const pa = compilePattern(a), pb = compilePattern(b);
        if (!mayOverlap(pa, pb)) expect(pa.test(v) && pb.test(v)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});
