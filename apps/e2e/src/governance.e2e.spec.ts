import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationCheck, ValidationReport } from '@edict/contracts';
import { eventually, people, repoRoot, shipBundle, StackClient, type Stack } from '@edict/testing';
import { edictCli } from './edict-cli';
import { OPEN_GATES, startE2eStack } from './start-e2e-stack';

interface Verdict {
  readonly outcome: 'validated' | 'failed';
  readonly report: ValidationReport;
}

/**
 * Tighten-only is enforced by the validation service, not only by `edict lint`: team and
 * project bundles that loosen a parent tier are rejected on submission, their report is
 * visible by API and CLI before anyone approves, and approving them is refused.
 */
describe('governance: the validation service rejects loosening bundles', () => {
  const root = repoRoot();
  const example = (path: string): string => join(root, 'examples/bundles', path);
  let stack: Stack;
  let client: StackClient;
  const alice = (): ReturnType<StackClient['as']> => client.as(people.alice.subject, [...people.alice.roles]);
  const versionPath = (policyId: string, version: string): string => `${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;

  const cli = edictCli(() => stack.env, { subject: 'erin' });
  const edict = (args: string[]) => cli(args, ['auditor', 'author']);

  /** Drafts and submits a file as alice, and waits for the verdict the service records. */
  const submit = async (file: string): Promise<Verdict & { policyId: string; version: string }> => {
    const drafted = await alice().call<{ policyId: string; version: string }>('authoring', 'POST', '/v1/bundles', { source: readFileSync(file, 'utf8'), filename: file });
    expect(drafted.status).toBe(201);
    const { policyId, version } = drafted.body;
    expect((await alice().call('authoring', 'POST', `/v1/bundles/${versionPath(policyId, version)}/submit`, {})).status).toBe(200);
    const verdict = await eventually(`the verdict on ${policyId}@${version}`, async () => {
      const answer = await alice().call<Verdict>('validation', 'GET', `/v1/validations/${encodeURIComponent(policyId)}/${encodeURIComponent(version)}`);
      return answer.status === 200 ? answer.body : undefined;
    });
    return { ...verdict, policyId, version };
  };
  const check = (verdict: Verdict, name: ValidationCheck['name']): ValidationCheck | undefined => verdict.report.checks.find((c) => c.name === name);

  beforeAll(async () => {
    stack = await startE2eStack('gov', { env: OPEN_GATES });
    client = new StackClient(stack.env);
    await shipBundle(client, example('org/network.yaml'));
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it.each([
    ['an allow-list widened', 'teams/alpha/network.widened.yaml', 'TIGHTEN.ALLOW_LIST_WIDENED', "Team policy 'teams/alpha/network' allow-list 'domains' adds 'npm.evil.example.com', which org baseline does not allow"],
    ['an allow rule over an org deny', 'teams/alpha/network.overlap.yaml', 'TIGHTEN.RULE_LOOSENS_PARENT', "Team policy 'teams/alpha/network' rule 'allow-npm' loosens org baseline rule 'network-default-deny'"],
    ['a raised limit', 'teams/alpha/network.raised.yaml', 'TIGHTEN.LIMIT_RAISED', "Team policy 'teams/alpha/network' raises limit 'maxTokensPerRun' to 500000 above org baseline's 200000"],
  ])('rejects a team bundle with %s, shows why, and refuses its approval', async (_what, file, code, message) => {
    const verdict = await submit(example(file));
    expect(verdict.outcome).toBe('failed');
    expect(check(verdict, 'tighten-only')).toMatchObject({ status: 'fail', findings: [expect.objectContaining({ code, message, severity: 'error' })] });
    expect(verdict.report.parents).toEqual([{ policyId: 'org/network', version: '1.0.0', as: 'stable' }]);

    const bob = client.as(people.bob.subject, [...people.bob.roles]);
    const approval = await bob.call<{ code: string }>('authoring', 'POST', `/v1/bundles/${versionPath(verdict.policyId, verdict.version)}/approve`, {});
    expect(approval.status).toBe(409);
    expect(approval.body.code).toBe('BUNDLE.VALIDATION_FAILED');
  });

  it('validates a team bundle that only tightens, and judges a project against it before it serves', async () => {
    const team = await submit(example('teams/alpha/network.yaml'));
    expect(team.outcome).toBe('validated');
    expect(check(team, 'tighten-only')).toMatchObject({ status: 'pass' });
    expect(check(team, 'impact')).toMatchObject({ status: 'skipped', summary: 'skipped: no version to replace' });

    const project = await submit(example('projects/alpha/web/network.loosening.yaml'));
    expect(project.outcome).toBe('failed');
    expect(check(project, 'tighten-only')?.findings).toEqual([
      expect.objectContaining({ code: 'TIGHTEN.LIMIT_RAISED', message: "Project policy 'projects/alpha/web/network' raises limit 'maxTokensPerRun' to 150000 above team policy 'teams/alpha/network''s 100000" }),
    ]);
    expect(project.report.parents).toEqual([
      { policyId: 'org/network', version: '1.0.0', as: 'stable' },
      { policyId: 'teams/alpha/network', version: '1.0.3', as: 'submitted' },
    ]);
  });

  it('shows the report with the CLI: a table for people, JSON for machines, exit 1 when failed', async () => {
    const table = await edict(['bundle', 'report', 'teams/alpha/network', '1.0.1', '--output', 'table']);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('teams/alpha/network@1.0.1: failed');
    expect(table.stdout).toMatch(/tighten-only\s*│\s*fail/);
    // authoring keeps the text a version was drafted from: its findings carry line and column
    expect(table.stdout).toContain("11:7 error TIGHTEN.RULE_LOOSENS_PARENT [tighten-only] Team policy 'teams/alpha/network' rule 'allow-npm' loosens org baseline rule 'network-default-deny' (at spec.rules[0])");
    const piped = await edict(['bundle', 'report', 'teams/alpha/network', '1.0.3']);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ outcome: 'validated', report: { checks: expect.arrayContaining([expect.objectContaining({ name: 'tighten-only', status: 'pass' })]) } });
  });

  it('answers a dry run with the same suite, storing nothing; the CLI calls it with validate --remote', async () => {
    const source = readFileSync(example('teams/alpha/network.overlap.yaml'), 'utf8').replace('version: 1.0.1', 'version: 9.9.9');
    const dry = await alice().call<{ outcome: string; report: ValidationReport }>('validation', 'POST', '/v1/validations:dry-run', { source, filename: 'overlap.yaml' });
    expect(dry.status).toBe(200);
    expect(dry.body.outcome).toBe('failed');
    expect(dry.body.report.checks.find((c) => c.name === 'tighten-only')?.findings).toEqual([expect.objectContaining({ code: 'TIGHTEN.RULE_LOOSENS_PARENT', line: 11, column: 7 })]);
    const stored = await alice().call('validation', 'GET', '/v1/validations/teams%2Falpha%2Fnetwork/9.9.9');
    expect(stored.status).toBe(404);

    const bad = await alice().call<{ code: string }>('validation', 'POST', '/v1/validations:dry-run', { source, document: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION.INPUT_INVALID');
    const nameless = await alice().call<{ code: string }>('validation', 'POST', '/v1/validations:dry-run', { document: { spec: {} } });
    expect(nameless.status).toBe(422);
    expect(nameless.body.code).toBe('VALIDATION.IDENTITY_MISSING');
    const auditor = await client.as('erin', ['auditor']).call('validation', 'POST', '/v1/validations:dry-run', { source });
    expect(auditor.status).toBe(403);

    const remote = await edict(['validate', '--remote', example('teams/alpha/network.yaml'), '--output', 'json']);
    expect(remote.code).toBe(0);
    expect(JSON.parse(remote.stdout)).toMatchObject({ outcome: 'validated' });
    const remoteBad = await edict(['validate', '--remote', example('teams/alpha/network.widened.yaml')]);
    expect(remoteBad.code).toBe(1);
  });
});
