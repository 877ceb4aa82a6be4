import { bundleDoc } from '../testing/bundle-builder';
import { PolicyCodes } from '../model/problem-codes';
import type { RuleDocument } from '../model/bundle-document.types';
import { validateBundleDocument } from './validate-bundle-document';

const withRules = (...rules: unknown[]) => bundleDoc('org/base', { rules: rules as RuleDocument[] });
const codes = (document: unknown) => validateBundleDocument(document).map((p) => [p.code, p.path]);

describe('validateBundleDocument', () => {
  it('given a valid bundle, when validated, then there is no problem', () => {
    expect(validateBundleDocument(withRules({ id: 'a', effect: 'allow', match: { action: 'read' }, when: 'context.x > 1' }))).toEqual([]);
  });

  it('given a value of the wrong type, when validated, then the problem names its path', () => {
    const problems = validateBundleDocument(withRules({ id: 'a', effect: 'allow' }, { id: 'b', effect: 'deny', priority: 'high' }));
    expect(problems).toEqual([expect.objectContaining({ code: PolicyCodes.FIELD_TYPE, path: 'spec.rules[1].priority', severity: 'error' })]);
    expect(problems[0]!.message).toContain('must be integer');
  });

  it('given unknown fields, when validated, then each is named with what is allowed', () => {
    const problems = validateBundleDocument(withRules({ id: 'a', effect: 'allow', condition: 'true' }));
    expect(problems).toEqual([expect.objectContaining({ code: PolicyCodes.UNKNOWN_FIELD, path: 'spec.rules[0].condition' })]);
    expect(problems[0]!.message).toContain('allowed: id, priority, match, when, effect, reason, description');
  });

  it('given a missing required field and a bad effect, when validated, then both are reported', () => {
    expect(codes(withRules({ effect: 'permit' }))).toEqual(
      expect.arrayContaining([
        [PolicyCodes.FIELD_MISSING, 'spec.rules[0]'],
        [PolicyCodes.FIELD_INVALID, 'spec.rules[0].effect'],
      ]),
    );
  });

  it('given something that is not a bundle at all, when validated, then it says what is missing', () => {
    expect(codes(42)).toEqual([[PolicyCodes.FIELD_TYPE, '']]);
    expect(codes({})).toEqual(expect.arrayContaining([[PolicyCodes.FIELD_MISSING, '']]));
  });

  it('given a policy id outside the tier paths and a version that is not semver, when validated, then both are refused', () => {
    const doc = { ...bundleDoc('org/x'), metadata: { policyId: 'orgs/x', version: 'v1' } };
    expect(codes(doc)).toEqual([
      [PolicyCodes.FIELD_INVALID, 'metadata.policyId'],
      [PolicyCodes.VERSION_INVALID, 'metadata.version'],
    ]);
  });

  it('given a repeated rule id, when validated, then the repeat is an error pointing at the first', () => {
    const problems = validateBundleDocument(withRules({ id: 'a', effect: 'allow' }, { id: 'a', effect: 'deny' }));
    expect(problems).toEqual([expect.objectContaining({ code: PolicyCodes.RULE_ID_DUPLICATE, path: 'spec.rules[1].id' })]);
    expect(problems[0]!.message).toContain('first at spec.rules[0]');
  });

  it('given a CEL syntax error, when validated, then it is a compile error at the rule\'s when', () => {
    const problems = validateBundleDocument(withRules({ id: 'a', effect: 'allow' }, { id: 'b', effect: 'deny', when: 'request.action == ' }));
    expect(problems).toEqual([expect.objectContaining({ code: PolicyCodes.CEL_COMPILE_FAILED, path: 'spec.rules[1].when' })]);
    expect(problems[0]!.message).toMatch(/rule 'b'.*Unexpected token.*character 19/);
  });

  it.each([
    ['an unknown variable', 'user.admin', PolicyCodes.CEL_COMPILE_FAILED],
    ['a type error', '"a" + 1 == 2', PolicyCodes.CEL_COMPILE_FAILED],
    ['a non-bool result', 'context.count + 1.0', PolicyCodes.CEL_NOT_BOOLEAN],
    ['an unknown request field', 'request.user == "x"', PolicyCodes.CEL_UNKNOWN_REQUEST_FIELD],
    ['macros nested three deep', 'context.a.exists(x, x.b.exists(y, y.c.exists(z, z == 1)))', PolicyCodes.CEL_TOO_COMPLEX],
    ['a regex with a back-reference (not RE2)', 'request.resource.matches("(a)\\\\1")', PolicyCodes.REGEX_UNSUPPORTED],
    ['a computed regex', 'request.resource.matches(context.pattern)', PolicyCodes.CEL_REGEX_UNSAFE],
    ['an invalid regex', 'request.resource.matches("(")', PolicyCodes.REGEX_UNSUPPORTED],
    ['brackets nested past the CEL depth limit', `${'('.repeat(40)}true${')'.repeat(40)}`, PolicyCodes.CEL_COMPILE_FAILED],
  ])('given a condition with %s, when validated, then it is refused', (_what, when, code) => {
    expect(codes(withRules({ id: 'r', effect: 'allow', when }))).toEqual([[code, 'spec.rules[0].when']]);
  });

  it('given macros nested two deep and a safe regex, when validated, then they compile', () => {
    expect(codes(withRules({ id: 'r', effect: 'allow', when: 'context.g.exists(g, g.m.exists(m, m == request.agent)) && request.resource.matches("^repos/[a-z]+$")' }))).toEqual([]);
  });

  it('given a wildcard in an allow-list, when validated, then it is refused', () => {
    const doc = bundleDoc('org/x', { settings: { allowLists: { domains: ['github.com', 'ALL'] } } });
    expect(codes(doc)).toEqual([[PolicyCodes.ALLOWLIST_WILDCARD, 'spec.settings.allowLists.domains[1]']]);
  });

  it('given a document nested too deep, when validated, then it is refused before the schema runs', () => {
    let context: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) context = { nested: context };
    const doc = bundleDoc('org/x', { tests: [{ name: 't', request: { agent: 'a', action: 'b', resource: 'c', context }, expect: { effect: 'deny' } }] });
    expect(codes(doc)).toEqual([[PolicyCodes.BUNDLE_TOO_DEEP, expect.stringMatching(/^spec\.tests\[0\]\.request\.context\.nested/)]]);
  });
});
