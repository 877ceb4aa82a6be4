import fc from 'fast-check';
import { compilePattern } from './glob-pattern';
import { nfaMatch, tokenizeGlob } from './glob-nfa';

const alphabet = fc.constantFrom('a', 'b', '/', '.', '-');
const value = fc.array(alphabet, { maxLength: 12 }).map((cs) => cs.join(''));
const glob = fc.array(fc.constantFrom('a', 'b', '/', '.', '*', '**', '?'), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));

/** The reference semantics of the tokens, as an unoptimised backtracking matcher. */
function reference(pattern: string, v: string): boolean {
  const tokens = tokenizeGlob(pattern);
  const go = (t: number, i: number): boolean => {
    if (t === tokens.length) return i === v.length;
    const tok = tokens[t]!;
    if (tok.kind === 'literal') return v[i] === tok.char && go(t + 1, i + 1);
    if (tok.kind === 'one') return i < v.length && v[i] !== '/' && go(t + 1, i + 1);
    for (let j = i; j <= v.length; j++) {
      if (go(t + 1, j)) return true;
      if (j < v.length && tok.kind === 'star' && v[j] === '/') return false;
    }
    return false;
  };
  return go(0, 0);
}

describe('compilePattern', () => {
  it('given exact, any and glob patterns, when tested, then they follow the documented semantics', () => {
    expect(compilePattern('deploy').test('deploy')).toBe(true);
    expect(compilePattern('deploy').test('deploys')).toBe(false);
    expect(compilePattern(undefined).test('anything/at/all')).toBe(true);
    expect(compilePattern('*').test('a/b')).toBe(true);
    expect(compilePattern('repos/*').test('repos/a/b')).toBe(false);
    expect(compilePattern('repos/**').test('repos/a/b')).toBe(true);
    expect(compilePattern('file?.txt').test('file1.txt')).toBe(true);
    expect(compilePattern('a.b').test('axb')).toBe(false);
  });

  it('given any glob, when tested on any value, then the RegExp and NFA paths agree with the reference', () => {
    fc.assert(
      fc.property(glob, value, (g, v) => {
        const tokens = reference(g, v);
        // a lone `*` or `**` matches anything (also across `/`); otherwise the token semantics
        expect(compilePattern(g).test(v)).toBe(g === '*' || g === '**' ? true : tokens);
        expect(nfaMatch(tokenizeGlob(g), v)).toBe(tokens);
      }),
      { numRuns: 2000 },
    );
  });

  it('given a pattern with many stars and a hostile value, when tested, then it completes (linear-time NFA)', () => {
    const pattern = compilePattern('*a*a*a*a*a*a*a*a*a*a*a*a*b');
    expect(pattern.test('a'.repeat(1024))).toBe(false);
  });
});
