import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VALIDATION_CHECK_NAMES, type ValidationCheck } from '@edict/contracts';
import { parseBundleText, type DecisionRecord } from '@edict/policy-engine';
import { repoRoot } from '@edict/testing';
import { DEFAULT_VALIDATION_SETTINGS } from '../validation-settings';
import { runValidationSuite, verdictOf } from './run-validation-suite';
import type { ParentVersion, SuiteInput } from './suite-input.types';

const example = (path: string): { source: string; document: Record<string, unknown> } => {
  const source = readFileSync(join(repoRoot(), 'examples/bundles', path), 'utf8');
  const parsed = parseBundleText(source, { filename: path });
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return { source, document: parsed.document as Record<string, unknown> };
};

const team = (settings: Record<string, unknown>, rules: Record<string, unknown>[] = [], tests: Record<string, unknown>[] = []): Record<string, unknown> => ({
  apiVersion: 'edict.io/v1',
  kind: 'PolicyBundle',
  metadata: { policyId: 'teams/alpha/baseline', version: '0.1.0' },
  spec: { defaultEffect: 'allow', settings, rules, tests },
});

const org = (): ParentVersion => ({ policyId: 'org/baseline', version: '1.0.0', as: 'stable', document: example('org/baseline.yaml').document });

const input = (over: Partial<SuiteInput> & Pick<SuiteInput, 'document'>): SuiteInput => {
  const metadata = (over.document as { metadata?: { policyId?: string; version?: string } }).metadata ?? {};
  return {
    expected: { policyId: metadata.policyId ?? 'org/baseline', version: metadata.version ?? '1.0.0' },
    parents: [],
    replaced: { skipped: 'no version to replace' },
    rego: { skipped: 'the bundle has no spec.rego modules' },
    settings: DEFAULT_VALIDATION_SETTINGS,
    ...over,
  };
};

const check = (checks: readonly ValidationCheck[], name: ValidationCheck['name']): ValidationCheck => {
  const found = checks.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} check`);
  return found;
};

describe('runValidationSuite', () => {
  it('given the org baseline with nothing above it, when judged, then every check is reported in order and it is validated', () => {
    const { source, document } = example('org/baseline.yaml');
    const report = runValidationSuite(input({ document, source }));
    expect(report.checks.map((c) => c.name)).toEqual([...VALIDATION_CHECK_NAMES]);
    expect(report.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(check(report.checks, 'tighten-only').summary).toBe('skipped: org policies have no parent tier');
    expect(check(report.checks, 'impact').summary).toBe('skipped: no version to replace');
    expect(report.coverage?.rules).toEqual({ total: 8, reached: 8, unreached: [], required: true });
    expect(verdictOf(report).outcome).toBe('validated');
  });

  it('given an org bundle whose tests miss a rule, when judged, then the unreached rule is an error at its line (org requires coverage)', () => {
    const { document, source } = example('org/baseline.yaml');
    const spec = document['spec'] as { tests: unknown[] };
    const trimmed = { ...document, spec: { ...spec, tests: spec.tests.slice(0, 7) } };
    const report = runValidationSuite(input({ document: trimmed, source }));
    const tests = check(report.checks, 'bundle-tests');
    expect(tests.status).toBe('fail');
    expect(tests.findings).toEqual([
      expect.objectContaining({ code: 'VALIDATION.RULE_NOT_COVERED', severity: 'error', path: 'spec.rules[5]', line: expect.any(Number), column: expect.any(Number) }),
      expect.objectContaining({ code: 'VALIDATION.RULE_NOT_COVERED', severity: 'error', path: 'spec.rules[7]' }),
    ]);
    expect(report.coverage?.rules).toMatchObject({ unreached: ['allow-repo-read', 'allow-staging-deploy'], required: true });
    expect(verdictOf(report).outcome).toBe('failed');
  });

  it('given a team bundle with an untested rule, when judged with the default settings, then it is only a note', () => {
    const rules = [{ id: 'deny-evil', effect: 'deny', match: { action: 'network.connect', resource: 'evil.example.com' } }];
    const report = runValidationSuite(input({ document: team({}, rules), parents: [org()] }));
    expect(check(report.checks, 'bundle-tests').findings).toEqual([expect.objectContaining({ code: 'VALIDATION.RULE_NOT_COVERED', severity: 'info' })]);
    expect(verdictOf(report).outcome).toBe('validated');
    const strict = runValidationSuite(input({ document: team({}, rules), parents: [org()], settings: { ...DEFAULT_VALIDATION_SETTINGS, requireCoverage: ['org', 'team'] } }));
    expect(verdictOf(strict).outcome).toBe('failed');
  });

  it('given a failing bundle test, when judged, then it is an error naming the test', () => {
    const rules = [{ id: 'deny-evil', effect: 'deny', match: { action: 'network.connect', resource: 'evil.example.com' } }];
    const tests = [{ name: 'evil is allowed?', request: { agent: 'a', action: 'network.connect', resource: 'evil.example.com' }, expect: { effect: 'allow' } }];
    const report = runValidationSuite(input({ document: team({}, rules, tests), parents: [org()] }));
    expect(check(report.checks, 'bundle-tests').findings).toEqual([
      expect.objectContaining({ code: 'VALIDATION.TEST_FAILED', severity: 'error', path: 'spec.tests[0]', message: "test 'evil is allowed?' failed: expected effect allow, got deny" }),
    ]);
  });

  it('given a team rule that allows what the org denies, when judged, then tighten-only fails with the engine message', () => {
    const rules = [{ id: 'allow-npm', priority: 10, effect: 'allow', match: { action: 'network.connect', resource: 'npm.evil.example.com' } }];
    const report = runValidationSuite(input({ document: team({}, rules), parents: [org(), { ...org(), as: 'canary', version: '1.1.0' }] }));
    const tighten = check(report.checks, 'tighten-only');
    expect(tighten.status).toBe('fail');
    const errors = tighten.findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'TIGHTEN.RULE_LOOSENS_PARENT', path: 'spec.rules[0]', message: "Team policy 'teams/alpha/baseline' rule 'allow-npm' loosens org baseline rule 'network-default-deny'" })]);
    expect(report.parents).toEqual([{ policyId: 'org/baseline', version: '1.0.0', as: 'stable' }, { policyId: 'org/baseline', version: '1.1.0', as: 'canary' }]);
    expect(verdictOf(report).outcome).toBe('failed');
  });

  it.each([
    ['a widened allow-list', { allowLists: { domains: ['pypi.org', 'npm.evil.example.com'] } }, 'TIGHTEN.ALLOW_LIST_WIDENED'],
    ['a raised limit', { limits: { maxTokensPerRun: 500000 } }, 'TIGHTEN.LIMIT_RAISED'],
    ['a restriction flag turned off', { flags: { requireSignedCommits: false } }, 'TIGHTEN.FLAG_TURNED_OFF'],
  ])('given %s, when judged, then tighten-only fails with %s', (_what, settings, code) => {
    const report = runValidationSuite(input({ document: team(settings), parents: [org()] }));
    expect(check(report.checks, 'tighten-only').findings).toEqual([expect.objectContaining({ code, severity: 'error' })]);
  });

  it('given a tightening team bundle, when judged, then it is validated', () => {
    const report = runValidationSuite(input({ document: team({ allowLists: { domains: ['pypi.org'] }, limits: { maxTokensPerRun: 1000 }, flags: { requireSignedCommits: true } }), parents: [org()] }));
    expect(check(report.checks, 'tighten-only')).toMatchObject({ status: 'pass', summary: 'no findings against org/baseline@1.0.0' });
    expect(verdictOf(report).outcome).toBe('validated');
  });

  it('given a team bundle and no parent version anywhere, when judged, then tighten-only is skipped with the reason', () => {
    const report = runValidationSuite(input({ document: team({}) }));
    expect(check(report.checks, 'tighten-only').summary).toBe('skipped: no parent tier serves or has submitted a version');
  });

  it('given a document that does not compile, when judged, then the checks that need it are skipped and it fails', () => {
    const { document } = example('org/baseline.yaml');
    const spec = document['spec'] as { rules: Record<string, unknown>[] };
    const broken = { ...document, spec: { ...spec, rules: [{ ...spec.rules[0], when: 'context.risk_score >= ' }] } };
    const report = runValidationSuite(input({ document: broken, replaced: { version: '0.9.0', decisions: [] } }));
    expect(check(report.checks, 'cel-compile')).toMatchObject({ status: 'fail', findings: [expect.objectContaining({ code: 'POLICY.CEL_COMPILE_FAILED' })] });
    for (const name of ['lint', 'bundle-tests', 'tighten-only', 'impact'] as const) expect(check(report.checks, name).summary).toBe('skipped: the bundle has schema or CEL errors');
    expect(verdictOf(report).outcome).toBe('failed');
  });

  it('given a document of another version, when judged, then identity fails at metadata.version', () => {
    const { document, source } = example('org/baseline.yaml');
    const report = runValidationSuite(input({ document, source, expected: { policyId: 'org/baseline', version: '1.0.1' } }));
    expect(check(report.checks, 'identity').findings).toEqual([expect.objectContaining({ code: 'VALIDATION.IDENTITY_MISMATCH', path: 'metadata.version', line: 6 })]);
  });

  it('given recorded decisions of the replaced version, when judged, then impact groups the changes and never fails', () => {
    const { document } = example('org/baseline.candidate.yaml');
    const decision = (id: string, resource: string, version = '1.0.0'): DecisionRecord => ({
      decisionId: id, timestamp: '2026-01-12T09:00:00.000Z', policyId: 'org/baseline', version,
      request: { agent: 'coder', action: 'network.connect', resource }, result: { effect: 'allow', rule: 'allow-registries', noMatch: false },
    });
    const decisions = [decision('d1', 'pypi.org'), decision('d2', 'files.pythonhosted.org'), decision('d3', 'registry.npmjs.org'), decision('d4', 'pypi.org', '0.9.0')];
    const report = runValidationSuite(input({ document, replaced: { version: '1.0.0', decisions } }));
    expect(check(report.checks, 'impact')).toMatchObject({ status: 'pass', summary: '2 of 3 decisions of 1.0.0 change effect', findings: [expect.objectContaining({ severity: 'info' })] });
    expect(report.impact).toEqual({ baselineVersion: '1.0.0', decisions: 3, changed: 2, groups: [{ from: 'allow', to: 'deny', count: 2 }] });
  });

  it('given Rego results, when judged, then they are reported in place and a failed one fails the version', () => {
    const { document } = example('org/baseline.yaml');
    const rego: ValidationCheck[] = [
      { name: 'rego-check', status: 'fail', findings: [{ code: 'VALIDATION.OPA_UNAVAILABLE', severity: 'error', message: 'no opa' }], summary: 'opa is not available' },
      { name: 'rego-test', status: 'fail', findings: [], summary: 'opa is not available' },
      { name: 'rego-fmt', status: 'fail', findings: [], summary: 'opa is not available' },
    ];
    const report = runValidationSuite(input({ document, rego: { checks: rego } }));
    expect(report.checks.slice(6, 9)).toEqual(rego);
    expect(verdictOf(report)).toMatchObject({ outcome: 'failed', checks: ['identity', 'schema', 'cel-compile', 'lint', 'bundle-tests', 'rego-check', 'rego-test', 'rego-fmt'] });
  });
});
