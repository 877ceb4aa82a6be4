import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `edict test` on Rego bundles with the real opa (OPA_PATH), without one, and `edict bundle init`.
const root = resolve(__dirname, '../../../../..');
const cli = join(root, 'dist/apps/cli/src/main.js');
const ex = (path: string): string => join(root, 'examples/bundles', path);
const opaPath = process.env['OPA_PATH'] ?? '';
let dir: string;

const edict = (args: string[], env: NodeJS.ProcessEnv = { ...process.env, OPA_PATH: opaPath }) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  if (!opaPath) throw new Error('OPA_PATH is not set (the int tier provides it)');
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'edict-cli-rego-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('edict test on a Rego bundle', () => {
  it('given the egress example, then opa check, test and fmt pass with full coverage and the exit code is 0', () => {
    const r = edict(['test', ex('org/egress.rego.yaml'), '--rego-min-coverage', '90']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS    rego-check: opa check --strict: no errors');
    expect(r.stdout).toContain('PASS    rego-test: 2 tests, 2 passed; coverage 100% (minimum 90%)');
    expect(r.stdout).toContain('PASS    rego-fmt: every module is formatted');
  });

  it('given the failing variant, then the failing test is named at its line and the exit code is 1', () => {
    const r = edict(['test', ex('org/egress.rego.failing.yaml'), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { rego: { checks: { name: string; status: string; findings: { code: string; file: string; line: number }[] }[] } };
    expect(report.rego.checks.map((c) => [c.name, c.status])).toEqual([['rego-check', 'pass'], ['rego-test', 'fail'], ['rego-fmt', 'pass']]);
    expect(report.rego.checks[1]?.findings).toEqual([expect.objectContaining({ code: 'REGO.TEST_FAILED', file: 'policy_test.rego', line: 14 })]);
  });

  it('given no opa anywhere, then stderr says the Rego checks did not run', () => {
    const r = edict(['test', ex('org/egress.rego.yaml')], { ...process.env, OPA_PATH: '', PATH: dir });
    expect(r.stderr).toContain('the Rego checks of');
    expect(r.stderr).toContain('did NOT run: no opa found (set OPA_PATH or put opa on PATH)');
    expect(r.stdout).not.toContain('rego-check');
  });

  it('given a bogus minimum coverage, then it is refused with exit 1', () => {
    const r = edict(['test', ex('org/egress.rego.yaml'), '--rego-min-coverage', '150']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the minimum Rego coverage must be a number from 0 to 100, not '150'");
  });
});

describe('edict bundle init', () => {
  it.each([['--rego', 'org/my-policy', 'org/my-policy.rego.yaml'], ['', 'teams/alpha/net', 'teams/alpha/net.yaml']])(
    'given %s %s, then it writes %s, whose tests pass, and refuses to overwrite it',
    (flag, policyId, path) => {
      const args = ['bundle', 'init', ...(flag ? [flag] : []), policyId, '--dir', dir];
      const first = edict(args);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`wrote ${join(dir, path)}`);
      expect(readFileSync(join(dir, path), 'utf8')).toContain(`policyId: ${policyId}`);
      const tested = edict(['test', join(dir, path), '--rego-min-coverage', '100']);
      expect(tested.code).toBe(0);
      expect(tested.stdout).toMatch(flag ? /PASS {4}rego-test: 2 tests, 2 passed; coverage 100%/ : /Result: 2 tests, 2 passed, 0 failed/);
      const again = edict(args);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('exists; not overwriting it');
    },
  );

  it('given something that is not a policy id, then it is refused and nothing is written', () => {
    const r = edict(['bundle', 'init', '--rego', '../evil', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'../evil' is not a policy id");
    expect(existsSync(join(dir, '../evil.rego.yaml'))).toBe(false);
  });
});
