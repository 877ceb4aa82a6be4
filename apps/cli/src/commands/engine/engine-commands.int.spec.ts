import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The built CLI run as a process on the example bundles and on bad input: output and exit codes.
const root = resolve(__dirname, '../../../../..');
const cli = join(root, 'dist/apps/cli/src/main.js');
const ex = (path: string): string => join(root, 'examples/bundles', path);
let dir: string;

const edict = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const header = (policyId = 'org/t') => `apiVersion: edict.io/v1\nkind: PolicyBundle\nmetadata:\n  policyId: ${policyId}\n  version: 1.0.0\nspec:\n`;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'edict-cli-engine-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('edict validate', () => {
  it('given the example bundles, when validated, then each is ok and the exit code is 0', () => {
    const r = edict('validate', ex('org/baseline.yaml'), ex('teams/alpha/repos.yaml'), ex('projects/alpha/web/deploy.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('org/baseline.yaml: ok (org/baseline@1.0.0, org tier, 8 rules)');
  });

  it.each([
    ['malformed YAML', 'a: [1, 2\nb: 3\n', /bad\.yaml:\d+:\d+: error POLICY\.BUNDLE_SYNTAX invalid YAML/],
    ['a CEL syntax error', `${header()}  rules:\n    - id: r\n      effect: deny\n      when: request.action ==\n`, /bad\.yaml:10:7: error POLICY\.CEL_COMPILE_FAILED condition of rule 'r': .* \(at spec\.rules\[0\]\.when\)/],
    ['a wrong type', `${header()}  rules:\n    - id: r\n      effect: deny\n      priority: high\n`, /bad\.yaml:10:7: error POLICY\.FIELD_TYPE spec\.rules\[0\]\.priority must be integer/],
    ['an unknown field', `${header()}  rulez: []\n`, /bad\.yaml:7:3: error POLICY\.UNKNOWN_FIELD unknown field 'rulez'/],
    ['a repeated rule id', `${header()}  rules:\n    - { id: r, effect: deny }\n    - { id: r, effect: allow }\n`, /bad\.yaml:9:9: error POLICY\.RULE_ID_DUPLICATE rule id 'r' is repeated/],
    ['deep nesting', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /bad\.yaml:1:68: error POLICY\.BUNDLE_TOO_DEEP/],
  ])('given %s, when validated, then a precise error on stderr and exit 1', (_what, text, expected) => {
    const r = edict('validate', file('bad.yaml', text));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(expected);
  });

  it('given a bundle over 1 MiB, when validated, then it is refused as too large', () => {
    const r = edict('validate', file('big.yaml', `${header()}  rules: []\n# ${'x'.repeat(1024 * 1024)}\n`));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error POLICY.BUNDLE_TOO_LARGE bundle is');
  });

  it('given a file that does not exist, when validated, then stderr says so and the exit code is 1', () => {
    const r = edict('validate', join(dir, 'nope.yaml'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/edict: bundle '.*nope\.yaml' does not exist/);
  });
});

describe('edict test', () => {
  it('given the org baseline, when tested, then every test passes and every rule is reached', () => {
    const r = edict('test', ex('org/baseline.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS  npm registry is reachable: allow by \'allow-registries\'');
    expect(r.stdout).toContain('Rules no test reached: none');
    expect(r.stdout).toContain('Result: 9 tests, 9 passed, 0 failed');
  });

  it('given a project with its parents, when tested, then the combined decision is shown', () => {
    const r = edict('test', ex('projects/alpha/web/deploy.yaml'), '--parent', ex('teams/alpha/repos.yaml'), '--parent', ex('org/baseline.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[all tiers: require_approval by org rule 'prod-deploy-needs-approval']");
  });

  it('given a failing test, when tested, then it is reported and the exit code is 1', () => {
    const bundle = file('failing.yaml', `${header()}  rules:\n    - { id: allow-read, effect: allow, match: { action: read } }\n  tests:\n    - name: expects deny\n      request: { agent: a, action: read, resource: x }\n      expect: { effect: deny }\n`);
    const r = edict('test', bundle);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  expects deny: allow by \'allow-read\'');
    expect(r.stdout).toContain('expected effect deny, got allow');
    expect(r.stdout).toContain('Result: 1 tests, 0 passed, 1 failed');
  });

  it('given --json, when tested, then the report is JSON', () => {
    const r = edict('test', ex('teams/alpha/repos.yaml'), '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ policyId: 'teams/alpha/repos', total: 4, passed: 4, unreachedRules: [] });
  });
});

describe('edict lint', () => {
  it('given the loosening team bundle, when linted against the org, then the rule error names both rules and exit is 1', () => {
    const r = edict('lint', ex('teams/alpha/network.loosening.yaml'), '--parent', ex('org/baseline.yaml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error TIGHTEN.RULE_LOOSENS_PARENT Team policy 'teams/alpha/network' rule 'allow-npm' loosens org baseline rule 'network-default-deny'");
    expect(r.stdout).toContain('TIGHTEN.ALLOW_LIST_WIDENED');
    expect(r.stdout).toContain('TIGHTEN.LIMIT_RAISED');
    expect(r.stdout).toContain('TIGHTEN.FLAG_TURNED_OFF');
  });

  it('given tightening bundles, when linted against their parents, then there is no error and exit is 0', () => {
    expect(edict('lint', ex('teams/alpha/repos.yaml'), '--parent', ex('org/baseline.yaml')).code).toBe(0);
    const r = edict('lint', ex('projects/alpha/web/deploy.yaml'), '--parent', ex('org/baseline.yaml'), '--parent', ex('teams/alpha/repos.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 errors');
  });

  it('given a wildcard allow-list, when linted, then validation refuses it with its position', () => {
    const r = edict('lint', file('wild.yaml', `${header()}  settings:\n    allowLists:\n      domains: [github.com, "*"]\n`));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/wild\.yaml:9:\d+: error POLICY\.ALLOWLIST_WILDCARD/);
  });
});

describe('edict simulate', () => {
  it('given the candidate and recorded decisions, when simulated, then changes are grouped old → new with rules', () => {
    const r = edict('simulate', '--candidate', ex('org/baseline.candidate.yaml'), '--decisions', ex('decisions/org-baseline.ndjson'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Candidate org/baseline@1.1.0: 48 recorded decisions replayed (1 of other policies skipped)');
    expect(r.stdout).toContain('allow → deny: 6');
    expect(r.stdout).toContain('decided by: org/baseline network-default-deny (6)');
    expect(r.stdout).toMatch(/e\.g\. d-\d+ .*pypi\.org; was allow by 'allow-registries', now deny by 'network-default-deny'/);
  });

  it('given an invalid line, when simulated, then it fails naming the line unless --skip-invalid', () => {
    const good = '{"decisionId":"1","timestamp":"t","policyId":"org/baseline","version":"1.0.0","request":{"agent":"a","action":"read","resource":"x"},"result":{"effect":"deny","rule":null,"noMatch":true}}';
    const log = file('d.ndjson', `${good}\n{oops\n`);
    const r = edict('simulate', '--candidate', ex('org/baseline.yaml'), '--decisions', log);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/d\.ndjson:2:1: error POLICY\.DECISION_RECORD_INVALID not JSON/);
    expect(edict('simulate', '--candidate', ex('org/baseline.yaml'), '--decisions', log, '--skip-invalid').code).toBe(0);
  });

  it('given recorded requests that are huge or deeply nested, when replayed, then they become error decisions, not a crash', () => {
    const nested = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    const line = (id: string, context: string) => `{"decisionId":"${id}","timestamp":"t","policyId":"org/baseline","version":"1.0.0","request":{"agent":"a","action":"repo.read","resource":"repos/x","context":${context}},"result":{"effect":"allow","rule":"allow-repo-read","noMatch":false}}`;
    const log = file('hostile.ndjson', `${line('deep', nested)}\n${line('huge', JSON.stringify({ list: new Array(200_000).fill(1) }))}\n`);
    const r = edict('simulate', '--candidate', ex('org/baseline.yaml'), '--decisions', log, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ replayed: 2, changed: 2, errors: 2, groups: [{ from: 'allow', to: 'deny', count: 2 }] });
  });
});
