import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRegoChecks, type RegoCheckResult } from './index';
import { egressPolicy, egressTests } from './rego-fixtures';

// The real opa (OPA_PATH) over small modules: what each check reports, and that no temp dir stays.
const opaPath = process.env['OPA_PATH'] ?? '';
let scratch: string;
const originalTmp = process.env['TMPDIR'];

beforeAll(() => {
  if (!opaPath) throw new Error('OPA_PATH is not set (the int tier provides it)');
  scratch = mkdtempSync(join(tmpdir(), 'edict-opa-int-'));
  process.env['TMPDIR'] = scratch; // runRegoChecks makes its temp dirs here, so we can see none is left
});
afterAll(() => {
  process.env['TMPDIR'] = originalTmp;
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(() => expect(readdirSync(scratch)).toEqual([]));

const check = (result: RegoCheckResult, name: string) => {
  const found = result.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check ${name}`);
  return found;
};
const run = (modules: Record<string, string>, extra: { minCoverage?: number; policyId?: string; data?: Record<string, unknown> } = {}) =>
  runRegoChecks({ modules, ...(extra.data ? { data: extra.data } : {}) }, { opaPath, minCoverage: extra.minCoverage ?? 0, ...(extra.policyId ? { policyId: extra.policyId } : {}) });

describe('runRegoChecks with the real opa', () => {
  it('given a passing policy with tests, then all three checks pass and the coverage is reported', async () => {
    const result = await run({ 'policy.rego': egressPolicy, 'policy_test.rego': egressTests }, { minCoverage: 80, policyId: 'org/egress' });
    expect(result.checks.map((c) => [c.name, c.status])).toEqual([['rego-check', 'pass'], ['rego-test', 'pass'], ['rego-fmt', 'pass']]);
    expect(check(result, 'rego-test').summary).toBe('3 tests, 3 passed; coverage 100% (minimum 80%)');
    expect(result.coverage).toEqual({ percentage: 100, minimum: 80, uncovered: {} });
  });

  it('given a module that does not parse, then rego-check fails at its line and column and the tests are skipped', async () => {
    const result = await run({ 'lib/bad.rego': 'package edict.org.egress\n\ndeny if {\n\tinput.url ==\n}\n' });
    expect(check(result, 'rego-check')).toMatchObject({
      status: 'fail',
      findings: [{ code: 'REGO.CHECK_FAILED', severity: 'error', file: 'lib/bad.rego', line: 5, column: 1, message: 'rego_parse_error: unexpected } token' }],
    });
    expect(check(result, 'rego-test').status).toBe('skipped');
    expect(check(result, 'rego-fmt').status).toBe('skipped');
  });

  it('given code that --strict refuses (an unused variable), then rego-check fails naming it', async () => {
    const result = await run({ 'p.rego': 'package edict.org.egress\n\ndeny if {\n\tx := 1\n\tinput.url == "a"\n}\n' });
    expect(check(result, 'rego-check').findings).toEqual([
      expect.objectContaining({ code: 'REGO.CHECK_FAILED', file: 'p.rego', line: 4, column: 2, message: 'rego_compile_error: assigned var x unused' }),
    ]);
  });

  it('given a failing test, then rego-test fails naming the test at its line, and coverage is not reported', async () => {
    const failing = `${egressTests}\ntest_wrong if egress.deny with input as {"url": "pypi.org"}\n`;
    const result = await run({ 'policy.rego': egressPolicy, 'policy_test.rego': failing });
    const test = check(result, 'rego-test');
    expect(test.status).toBe('fail');
    expect(test.findings).toEqual([
      { code: 'REGO.TEST_FAILED', severity: 'error', message: 'test data.edict.org.egress.tests.test_wrong failed', file: 'policy_test.rego', line: 11, column: 1 },
    ]);
    expect(test.summary).toBe('4 tests, 3 passed, 1 failed; coverage not measured');
    expect(result.coverage).toBeUndefined();
  });

  it('given coverage below the minimum, then rego-test fails with the percentage and the uncovered lines', async () => {
    const onlyOne = 'package edict.org.egress.tests\n\nimport data.edict.org.egress\n\ntest_allows if not egress.deny with input as {"url": "pypi.org"}\n';
    const result = await run({ 'policy.rego': egressPolicy, 'policy_test.rego': onlyOne }, { minCoverage: 90 });
    const test = check(result, 'rego-test');
    expect(test.status).toBe('fail');
    expect(result.coverage?.minimum).toBe(90);
    // only the default line is reached: the deny rule is index-excluded for pypi.org, the reason never evaluated
    expect(result.coverage?.percentage).toBe(33.33);
    expect(result.coverage?.uncovered).toEqual({ 'policy.rego': [5, 7] });
    expect(test.findings).toEqual([expect.objectContaining({ code: 'REGO.COVERAGE_BELOW_MINIMUM', severity: 'error' })]);
    expect(test.findings[0]?.message).toBe('Rego coverage is 33.33%, below the minimum of 90%; uncovered lines: policy.rego 5,7');
  });

  it('given no tests and a minimum coverage, then rego-test fails; with no minimum it only warns', async () => {
    const strict = await run({ 'policy.rego': egressPolicy }, { minCoverage: 50 });
    expect(check(strict, 'rego-test')).toMatchObject({ status: 'fail', findings: [{ code: 'REGO.NO_TESTS', severity: 'error' }] });
    const lax = await run({ 'policy.rego': egressPolicy });
    expect(check(lax, 'rego-test')).toMatchObject({ status: 'pass', findings: [{ code: 'REGO.NO_TESTS', severity: 'warning' }] });
  });

  it('given unformatted code, then rego-fmt passes with a warning naming the file', async () => {
    const ugly = egressPolicy.replace('deny if input.url', 'deny   if    input.url');
    const result = await run({ 'policy.rego': ugly, 'policy_test.rego': egressTests });
    expect(check(result, 'rego-fmt')).toMatchObject({ status: 'pass', findings: [{ code: 'REGO.NOT_FORMATTED', severity: 'warning', file: 'policy.rego' }] });
    expect(check(result, 'rego-check').status).toBe('pass');
  });

  it('given a package outside the policy root, then rego-check fails with REGO.PACKAGE_OUTSIDE_ROOT at the package line', async () => {
    const sibling = egressTests.replace('package edict.org.egress.tests', 'package edict.org.egress_test');
    const result = await run({ 'policy.rego': egressPolicy, 'policy_test.rego': sibling }, { policyId: 'org/egress' });
    expect(check(result, 'rego-check')).toMatchObject({
      status: 'fail',
      findings: [{ code: 'REGO.PACKAGE_OUTSIDE_ROOT', file: 'policy_test.rego', line: 1, column: 1 }],
    });
    expect(check(result, 'rego-check').findings[0]?.message).toBe(
      "package edict.org.egress_test is outside the policy's OPA root edict/org/egress: use package edict.org.egress or one below it (tests too, e.g. edict.org.egress.tests)",
    );
    const other = await run({ 'policy.rego': egressPolicy }, { policyId: 'teams/alpha/network' });
    expect(check(other, 'rego-check').findings.map((f) => f.code)).toEqual(['REGO.PACKAGE_OUTSIDE_ROOT']);
  });

  it('given data, then it sits at the policy root; a rule and data at one path is a precise test finding', async () => {
    const policy = 'package edict.org["my-policy"]\n\nallow if input.host in data.edict.org["my-policy"].hosts\n';
    const tests = 'package edict.org["my-policy"].tests\n\nimport data.edict.org["my-policy"] as p\n\ntest_allowed if p.allow with input as {"host": "pypi.org"}\n';
    const ok = await run({ 'p.rego': policy, 'p_test.rego': tests }, { policyId: 'org/my-policy', data: { hosts: ['pypi.org'] } });
    expect(ok.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
    const clash = await run({ 'p.rego': policy, 'p_test.rego': tests }, { policyId: 'org/my-policy', data: { hosts: ['pypi.org'], allow: true } });
    expect(check(clash, 'rego-test')).toMatchObject({ status: 'fail', findings: [{ code: 'REGO.TEST_COMPILE_FAILED', file: 'p.rego', line: 3 }] });
    expect(check(clash, 'rego-test').findings[0]?.message).toMatch(/^rego_compile_error: conflicting rule for data path edict\/org\/my-policy\/allow/);
  });

  it.each([['../escape.rego'], ['/etc/passwd.rego'], ['a/./b.rego'], ['policy.txt'], ['.hidden.rego'], ['a\\b.rego']])(
    'given the module file name %j, then it is refused before opa runs',
    async (name) => {
      const result = await run({ [name]: egressPolicy });
      expect(check(result, 'rego-check')).toMatchObject({ status: 'fail', findings: [{ code: 'REGO.MODULE_NAME_INVALID', file: name }] });
      expect(result.checks.slice(1).map((c) => c.status)).toEqual(['skipped', 'skipped']);
    },
  );
});
