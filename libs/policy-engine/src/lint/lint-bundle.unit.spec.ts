import { bundleDoc } from '../testing/bundle-builder';
import { LintCodes } from '../model/problem-codes';
import type { BundleDocument, RuleDocument } from '../model/bundle-document.types';
import { lintBundle } from './lint-bundle';

const lint = (spec: BundleDocument['spec']) => lintBundle(bundleDoc('org/x', spec)).map((f) => [f.code, f.severity, f.ruleId ?? f.path]);

describe('lintBundle', () => {
  it('given a clean bundle, when linted, then there is no finding', () => {
    expect(lint({ rules: [{ id: 'a', effect: 'allow', match: { action: 'read' } }] })).toEqual([]);
  });

  it('given a repeated rule id, when linted, then it is an error', () => {
    expect(lint({ rules: [{ id: 'a', effect: 'allow', match: { action: 'x' } }, { id: 'a', effect: 'allow', match: { action: 'y' } }] })).toEqual([[LintCodes.DUPLICATE_RULE_ID, 'error', 'spec.rules[1].id']]);
  });

  it('given a rule below an unconditional rule that matches all it matches, when linted, then it can never fire', () => {
    const findings = lintBundle(bundleDoc('org/x', { rules: [
      { id: 'deny-secrets', priority: 10, effect: 'deny', match: { resource: 'secrets/**' } },
      { id: 'read-db-secret', priority: 5, effect: 'allow', match: { action: 'read', resource: 'secrets/db' }, when: 'context.ok' },
      { id: 'other', priority: 5, effect: 'allow', match: { resource: 'repos/**' } },
    ] }));
    expect(findings).toEqual([expect.objectContaining({ code: LintCodes.UNREACHABLE_RULE, severity: 'warning', ruleId: 'read-db-secret', path: 'spec.rules[1]' })]);
    expect(findings[0]!.message).toContain("rule 'deny-secrets'");
  });

  it('given equal priority, when an unconditional deny covers an allow, then the allow can never fire (ties go deny)', () => {
    expect(lint({ rules: [{ id: 'allow', effect: 'allow', match: { action: 'read' } }, { id: 'deny', effect: 'deny' }] })).toEqual([[LintCodes.UNREACHABLE_RULE, 'warning', 'allow']]);
  });

  it('given a conditional higher rule, when linted, then nothing is reported as unreachable', () => {
    expect(lint({ rules: [{ id: 'a', priority: 2, effect: 'deny', when: 'context.x' }, { id: 'b', effect: 'allow' }] })).toEqual([]);
  });

  it('given an unconditional rule repeating the default, when nothing below it differs, then it is reported as info', () => {
    expect(lint({ rules: [{ id: 'deny-exec', effect: 'deny', match: { action: 'exec' } }] })).toEqual([[LintCodes.REPEATS_DEFAULT, 'info', 'deny-exec']]);
  });

  it('given a deny that overrides a broader allow below it, when linted, then it is not reported as repeating the default', () => {
    expect(lint({ rules: [
      { id: 'deny-secrets', priority: 10, effect: 'deny', match: { resource: 'secrets/**' } },
      { id: 'read-all', effect: 'allow', match: { action: 'read' } },
    ] })).toEqual([]);
  });

  it('given wildcard and empty allow-lists, when linted, then the wildcard and the empty list are errors', () => {
    expect(lint({ settings: { allowLists: { domains: ['github.com', 'any'], tools: [] } } })).toEqual([
      [LintCodes.WILDCARD_ALLOW_LIST, 'error', 'spec.settings.allowLists.domains[1]'],
      [LintCodes.EMPTY_ALLOW_LIST, 'error', 'spec.settings.allowLists.tools'],
    ]);
  });

  it('given unknown fields, when linted, then each is an error', () => {
    const doc = { ...bundleDoc('org/x'), spec: { rules: [{ id: 'a', effect: 'allow', match: { verb: 'read' } }], extra: 1 } };
    expect(lintBundle(doc).map((f) => [f.code, f.path])).toEqual(
      expect.arrayContaining([
        [LintCodes.UNKNOWN_FIELD, 'spec.extra'],
        [LintCodes.UNKNOWN_FIELD, 'spec.rules[0].match.verb'],
      ]),
    );
  });

  it('given a context schema, when CEL reads undeclared fields, then each is an error naming the field', () => {
    const rules: RuleDocument[] = [
      { id: 'ok', effect: 'allow', when: 'context.user.role == "admin" && context.risk < 5 && has(context.free.anything)' },
      { id: 'typo', effect: 'allow', when: 'context.usr.role == "admin"' },
      { id: 'deep', effect: 'allow', when: 'context.user.role.name == "x"' },
      { id: 'missing', effect: 'allow', when: 'context.user["team"] == "a"' },
    ];
    const findings = lintBundle(bundleDoc('org/x', { rules, contextSchema: {
      type: 'object',
      properties: { user: { type: 'object', properties: { role: { type: 'string' } } }, risk: { type: 'number' }, free: { type: 'object' } },
    } }));
    expect(findings.map((f) => [f.code, f.ruleId])).toEqual([
      [LintCodes.UNDECLARED_CONTEXT_FIELD, 'typo'],
      [LintCodes.UNDECLARED_CONTEXT_FIELD, 'deep'],
      [LintCodes.UNDECLARED_CONTEXT_FIELD, 'missing'],
    ]);
    expect(findings.find((f) => f.ruleId === 'typo')!.message).toContain('context.usr.role');
  });

  it('given no context schema, when CEL reads any field, then nothing is reported', () => {
    expect(lint({ rules: [{ id: 'a', effect: 'allow', when: 'context.anything.at.all' }] })).toEqual([]);
  });

  it('given a bundle with other validation errors, when linted, then one finding sums them up', () => {
    expect(lint({ rules: [{ id: 'a', effect: 'allow', when: 'nope(' }] })).toEqual([[LintCodes.INVALID_BUNDLE, 'error', undefined]]);
  });
});
