import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `edict check` as conftest's job: the hand-written Terraform plan and manifests of examples/documents
// against a CEL bundle and a Rego bundle (the real opa eval), a team's own shape via spec.inputs, bad input.
const root = resolve(__dirname, '../../../../..');
const cli = join(root, 'dist/apps/cli/src/main.js');
const ex = (path: string): string => join(root, 'examples', path);
const opaPath = process.env['OPA_PATH'] ?? '';
let dir: string;

const edict = (args: string[], env: NodeJS.ProcessEnv = { ...process.env, OPA_PATH: opaPath }) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  if (!opaPath) throw new Error('OPA_PATH is not set (the int tier provides it)');
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'edict-cli-check-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('edict check', () => {
  it('given the sample plan and the CEL bundle, then exactly the public bucket and the replaced database fail, exit 1', () => {
    const r = edict(['check', ex('documents/tfplan.json'), '--policy', ex('bundles/org/infrastructure.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'FAIL - tfplan.json - org/infrastructure - deny-public-bucket: S3 buckets must not be public (aws_s3_bucket.site)',
      'FAIL - tfplan.json - org/infrastructure - deny-database-delete: databases are never deleted or replaced by a plan; use the decommissioning runbook (aws_db_instance.main)',
      '',
      '4 tests, 2 passed, 0 warnings, 2 failures',
    ]);
  });

  it('given Kubernetes manifests (a YAML stream), then only the privileged Deployment fails; JSON names every item', () => {
    const r = edict(['check', ex('documents/deployment.yaml'), '--policy', ex('bundles/org/infrastructure.yaml'), '--output', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { results: { outcome: string; resource: string; rule: string | null }[] };
    expect(report.results.map((l) => `${l.outcome} ${l.resource} ${l.rule ?? '-'}`)).toEqual(['PASS Service/shop/web -', 'FAIL Deployment/shop/web deny-privileged-pod']);
  });

  it('given the Rego bundle, then opa eval on the whole plan fails the public bucket and warns on the replacement', () => {
    const r = edict(['check', ex('documents/tfplan.json'), '--policy', ex('bundles/org/terraform.rego.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL - tfplan.json - org/terraform - edict.org.terraform.deny: aws_s3_bucket.site: S3 buckets must not be public');
    expect(r.stdout).toContain('WARN - tfplan.json - org/terraform - edict.org.terraform.warn: aws_db_instance.main is replaced');
    expect(r.stdout).toContain('2 tests, 0 passed, 1 warnings, 1 failures');
  });

  it('given a plan that breaks no rule, then every item passes and the exit code is 0', () => {
    const plan = file('clean.json', JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', change: { actions: ['create'], after: { acl: 'private' } } }] }));
    for (const bundle of ['bundles/org/infrastructure.yaml', 'bundles/org/terraform.rego.yaml']) {
      const r = edict(['check', plan, '--policy', ex(bundle)]);
      expect({ bundle, code: r.code, stderr: r.stderr }).toEqual({ bundle, code: 0, stderr: '' });
      expect(r.stdout).toContain('1 tests, 1 passed, 0 warnings, 0 failures');
    }
  });

  it("given a team's own shape mapped by spec.inputs, then each item is a request", () => {
    const bundle = file('deploys.yaml', [
      'apiVersion: edict.io/v1', 'kind: PolicyBundle', 'metadata: { policyId: org/deploys, version: 1.0.0 }', 'spec:', '  defaultEffect: allow',
      '  inputs:', '    - { name: deploys, items: $.services, agent: ci, action: deploy, resource: "$.name", context: $ }',
      '  rules:', '    - { id: no-friday, match: { action: deploy }, when: "context.day == \'friday\'", effect: deny, reason: no deploys on Fridays }',
    ].join('\n'));
    const doc = file('deploys.json', JSON.stringify({ services: [{ name: 'web', day: 'monday' }, { name: 'api', day: 'friday' }, { day: 'friday' }] }));
    const r = edict(['check', doc, '--policy', bundle]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'FAIL - deploys.json - org/deploys - no-friday: no deploys on Fridays (api)',
      'FAIL - deploys.json - org/deploys - (default): resource ($.name) is missing (item 3)',
      '',
      '3 tests, 1 passed, 0 warnings, 2 failures',
    ]);
  });

  it.each([
    ['a document that is not JSON', () => [file('bad.json', '{"a":'), '--policy', ex('bundles/org/infrastructure.yaml')], /document '.*bad\.json' is not valid JSON/],
    ['a document of no known shape', () => [file('odd.json', '{"a":1}'), '--policy', ex('bundles/org/infrastructure.yaml')], /cannot tell how to read this document/],
    ['an unknown --input', () => [ex('documents/tfplan.json'), '--policy', ex('bundles/org/infrastructure.yaml'), '--input', 'nope'], /no input mapping 'nope': the bundle declares none; built in: terraform-plan, kubernetes/],
    ['a missing document', () => [join(dir, 'missing.json'), '--policy', ex('bundles/org/infrastructure.yaml')], /document '.*missing\.json' does not exist/],
  ])('given %s, then one clear line on stderr and exit 1', (_what, args, message) => {
    const r = edict(['check', ...args()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('given a Rego bundle and no opa, then it says the Rego cannot be checked and exits 1 (never a pass)', () => {
    const { OPA_PATH: _unused, ...env } = process.env;
    const r = edict(['check', ex('documents/tfplan.json'), '--policy', ex('bundles/org/terraform.rego.yaml')], { ...env, PATH: '/nonexistent' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the Rego of org/terraform cannot be checked: no opa found');
  });
});
