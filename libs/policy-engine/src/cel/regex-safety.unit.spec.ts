import { compileCondition } from './compile-condition';
import { regexUnsupportedReason } from './regex-safety';

describe('regexUnsupportedReason', () => {
  it.each(['^repos/[a-z-]+/main$', 'a*b+c?', '(ab|cd)+', '[(+*)]+', '\\(a+\\)+', '(a+)+', '^(a|a)*$', '(?P<name>x)', '\\pL+'])('given the RE2 pattern %s, then it is accepted', (pattern) => {
    expect(regexUnsupportedReason(pattern)).toBeNull();
  });

  it.each([
    ['(a)\\1', 'invalid escape'],
    ['(?=a)b', 'Perl syntax'],
    ['(?<=a)b', 'named capture'],
    ['a++', 'nested repetition'],
    ['(', 'missing closing'],
  ])('given %s, which RE2 does not support, then it is refused with the reason', (pattern, reason) => {
    expect(regexUnsupportedReason(pattern)).toContain(reason);
  });
});

describe('matches() runs on RE2 (linear time)', () => {
  const run = (when: string, resource: string): unknown => {
    const compiled = compileCondition(when);
    if (!compiled.ok) throw new Error(compiled.problems[0]!.message);
    return compiled.condition.evaluate({ request: { agent: 'a', action: 'b', resource }, context: {}, settings: {} });
  };

  it('given ^(a|a)*$ and 28 a then b, when evaluated, then it does not match (no exponential backtracking)', () => {
    expect(run('request.resource.matches("^(a|a)*$")', `${'a'.repeat(28)}b`)).toBe(false);
    expect(run('request.resource.matches("^(a|a)*$")', 'a'.repeat(28))).toBe(true);
  });

  it('given .*.*.*.*.*.*b on 1,000 characters without a b, then it does not match', () => {
    expect(run('request.resource.matches(".*.*.*.*.*.*b")', 'a'.repeat(1000))).toBe(false);
    expect(run('request.resource.matches(".*.*.*.*.*.*b")', `${'a'.repeat(999)}b`)).toBe(true);
  });

  it('given RE2 syntax JavaScript lacks, then it has the RE2 meaning', () => {
    expect(run('request.resource.matches("^(?i)ABC$")', 'abc')).toBe(true);
    expect(run('request.resource.matches("^\\\\pL+$")', 'héllo')).toBe(true);
  });

  it('given a back-reference, when compiled, then it is refused with POLICY.REGEX_UNSUPPORTED', () => {
    const compiled = compileCondition('request.resource.matches("(a)\\\\1")');
    expect(compiled).toMatchObject({ ok: false, problems: [{ code: 'POLICY.REGEX_UNSUPPORTED' }] });
  });
});
