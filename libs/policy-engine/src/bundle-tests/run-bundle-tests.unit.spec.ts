import { compileBundle } from '../compile/compile-bundle';
import { bundleDoc, compiled } from '../testing/bundle-builder';
import type { BundleTestCase, RuleDocument } from '../model/bundle-document.types';
import { runBundleTests } from './run-bundle-tests';

const rules: RuleDocument[] = [
  { id: 'allow-read', effect: 'allow', match: { action: 'read' } },
  { id: 'deny-secrets', priority: 5, effect: 'deny', match: { resource: 'secrets/**' } },
  { id: 'approve-deploy', effect: 'require_approval', match: { action: 'deploy' } },
  { id: 'broken', effect: 'allow', match: { action: 'risky' }, when: 'context.missing' },
];
const test = (name: string, action: string, resource: string, expect: BundleTestCase['expect']): BundleTestCase => ({ name, request: { agent: 'a', action, resource }, expect });

describe('runBundleTests', () => {
  it('given passing and failing tests, when run, then each result says why and unreached rules are listed', () => {
    const bundle = compileBundle(bundleDoc('org/x', { rules, tests: [
      test('reads pass', 'read', 'repos/x', { effect: 'allow', rule: 'allow-read' }),
      test('secrets denied', 'read', 'secrets/db', { effect: 'deny', rule: 'deny-secrets' }),
      test('wrong expectation', 'read', 'repos/x', { effect: 'deny', rule: 'deny-secrets' }),
      test('default', 'exec', 'sh', { effect: 'deny', rule: null, noMatch: true }),
    ] }));
    const report = runBundleTests(bundle);
    expect(report).toMatchObject({ policyId: 'org/x', version: '1.0.0', total: 4, passed: 3, failed: 1, unreachedRules: ['approve-deploy', 'broken'] });
    expect(report.results[2]).toMatchObject({ name: 'wrong expectation', passed: false, failures: ['expected effect deny, got allow', "expected rule 'deny-secrets', got 'allow-read'"] });
  });

  it('given a test whose evaluation errors, when run, then it fails even if the on-error effect matches', () => {
    const bundle = compileBundle(bundleDoc('org/x', { rules, tests: [test('error', 'risky', 'x', { effect: 'deny' })] }));
    const report = runBundleTests(bundle);
    expect(report.failed).toBe(1);
    expect(report.results[0]!.failures[0]).toMatch(/^evaluation failed \(POLICY.CEL_EVALUATION_FAILED\)/);
  });

  it('given parents, when run, then tests check the bundle\'s own outcome and show the combined decision', () => {
    const org = compiled('org/base', [{ id: 'no-deploy', effect: 'deny', match: { action: 'deploy' } }]);
    const team = compileBundle(bundleDoc('teams/a/x', { defaultEffect: 'allow', rules: [{ id: 'approve', effect: 'require_approval', match: { action: 'deploy' } }], tests: [test('approval', 'deploy', 'web', { effect: 'require_approval', rule: 'approve' })] }));
    const report = runBundleTests(team, [org]);
    expect(report.results[0]).toMatchObject({ passed: true, combined: { effect: 'deny', decidingTier: 'org', decidingRule: 'no-deploy' } });
  });

  it('given no tests, when run, then every rule is unreached', () => {
    expect(runBundleTests(compiled('org/x', rules))).toMatchObject({ total: 0, unreachedRules: ['allow-read', 'deny-secrets', 'approve-deploy', 'broken'] });
  });
});
