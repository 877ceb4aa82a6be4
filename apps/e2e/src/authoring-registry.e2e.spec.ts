import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, repoRoot, shipBundle, StackClient, type Stack } from '@edict/testing';
import { edictCli } from './edict-cli';
import { OPEN_GATES, startE2eStack } from './start-e2e-stack';
const P = encodeURIComponent('org/baseline');

/**
 * Authoring where authors work, against the stack with the CLI as a process: a draft with an
 * unknown field is refused at once with located problems; the registry lists, shows, diffs and
 * reports a version's whole status; an admin who revised a draft is one of its authors and cannot
 * approve it; a security approver takes the emergency path alone, the version is signed and
 * served, and its follow-up review stays open until a second approver confirms it.
 */
describe('authoring: fast checks, registry, authors of record, emergency path', () => {
  const root = repoRoot();
  const work = mkdtempSync(join(tmpdir(), 'edict-authoring-e2e-'));
  let stack: Stack;

  const edict = edictCli(() => stack.env, { env: { NO_COLOR: '1' } });
  const json = <T = Record<string, unknown>>(out: { stdout: string; stderr: string }): T => {
    try {
      return JSON.parse(out.stdout) as T;
    } catch {
      throw new Error(`not JSON: ${out.stdout} ${out.stderr}`);
    }
  };
  const alice = (args: string[]) => edict(args, ['author', 'security'], 'alice');
  const root_ = (args: string[]) => edict(args, ['admin', 'security'], 'root');
  const bob = (args: string[]) => edict(args, ['security'], 'bob');
  const carol = (args: string[]) => edict(args, ['platform'], 'carol');

  beforeAll(async () => {
    stack = await startE2eStack('authoring', { logDir: join(work, 'logs'), env: OPEN_GATES });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('refuses a draft with an unknown field at once (422, located), and stores nothing', async () => {
    const text = readFileSync(join(root, 'examples/bundles/org/baseline.yaml'), 'utf8').replace(/^ {2}rules:$/m, '  rulez:');
    const line = text.split('\n').indexOf('  rulez:') + 1;
    const client = new StackClient(stack.env).as('alice', ['author', 'security']);
    const refused = await client.call<{ code: string; problems: unknown[] }>('authoring', 'POST', '/v1/bundles', { source: text, filename: 'baseline.yaml' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('BUNDLE.INVALID_DOCUMENT');
    expect(refused.body.problems).toContainEqual(expect.objectContaining({ code: 'POLICY.UNKNOWN_FIELD', path: 'spec.rulez', line, column: 3 }));
    const file = join(work, 'rulez.yaml');
    writeFileSync(file, text);
    const cli = await alice(['bundle', 'draft', file]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`${file}:${line}:3: error POLICY.UNKNOWN_FIELD`);
    expect(cli.stderr).toContain('BUNDLE.INVALID_DOCUMENT');
    expect((await client.call('authoring', 'GET', `/v1/bundles/${P}`)).status).toBe(404);
  });

  it('lists, shows, diffs; the admin who revised is an author; the emergency path approves alone, signs and serves, and leaves a review open until confirmed', async () => {
    await shipBundle(new StackClient(stack.env), join(root, 'examples/bundles/org/baseline.yaml'));
    const candidate = join(root, 'examples/bundles/org/baseline.candidate.yaml');
    expect(json(await alice(['bundle', 'draft', candidate]))).toMatchObject({ version: '1.1.0', status: 'draft', findings: expect.any(Array) });
    const revision = join(work, 'candidate.revised.yaml');
    writeFileSync(revision, readFileSync(candidate, 'utf8').replace(/^ {2}notes: .*$/m, '  notes: revised by root'));
    const mismatch = await root_(['bundle', 'revise', revision, '--version', '1.2.0']);
    expect(mismatch.code).toBe(1);
    expect(json(await root_(['bundle', 'revise', revision]))).toMatchObject({ version: '1.1.0', status: 'draft' });
    expect(json(await alice(['bundle', 'submit', 'org/baseline', '1.1.0']))).toMatchObject({ status: 'submitted', authors: ['alice', 'root'] });

    await eventually('validation of 1.1.0', async () => {
      const status = json<{ stage: string }>(await carol(['bundle', 'status', 'org/baseline', '1.1.0', '--output', 'json']));
      return status.stage === 'validated' ? true : undefined;
    }, 120_000);
    const selfApproval = await root_(['bundle', 'approve', 'org/baseline', '1.1.0', '--emergency', '--reason', 'mine']);
    expect(selfApproval.code).toBe(5); // 403: unauthorised (exit-codes.ts)
    expect(selfApproval.stderr).toContain('BUNDLE.SELF_APPROVAL');
    const noReason = await bob(['bundle', 'approve', 'org/baseline', '1.1.0', '--emergency']);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('REQUEST.INVALID');
    const approved = json(await bob(['bundle', 'approve', 'org/baseline', '1.1.0', '--emergency', '--reason', 'pypi mirror compromised']));
    expect(approved).toMatchObject({ status: 'approved', approvals: [{ subject: 'bob', role: 'security' }], emergency: { approver: 'bob', reason: 'pypi mirror compromised', review: 'open' } });

    await eventually('a releasable 1.1.0', async () => ((await carol(['rollout', 'start', 'org/baseline', '1.1.0'])).code === 0 ? true : undefined), 120_000);
    const status = json(await carol(['bundle', 'status', 'org/baseline', '1.1.0', '--output', 'json']));
    expect(status).toMatchObject({
      stage: 'signed',
      authors: ['alice', 'root'],
      validation: { outcome: 'validated' },
      signature: { signed: true },
      serving: { as: ['canary 10%'] },
      emergency: { review: 'open' },
    });
    const table = await carol(['bundle', 'status', 'org/baseline', '1.1.0', '--output', 'table']);
    expect(table.stdout).toContain('emergency by bob: pypi mirror compromised; follow-up review open');
    expect(table.stdout).toContain('canary 10%');

    expect(json<{ items: unknown[] }>(await carol(['review', 'list', '--output', 'json'])).items).toEqual([expect.objectContaining({ policyId: 'org/baseline', version: '1.1.0', status: 'open', approver: 'bob' })]);
    expect((await bob(['review', 'confirm', 'org/baseline', '1.1.0'])).stderr).toContain('BUNDLE.EMERGENCY_SAME_APPROVER');
    expect((await root_(['review', 'confirm', 'org/baseline', '1.1.0'])).stderr).toContain('BUNDLE.SELF_APPROVAL');
    expect(json(await carol(['review', 'confirm', 'org/baseline', '1.1.0', '--comment', 'reviewed after the fact']))).toMatchObject({ emergency: { review: 'confirmed', confirmedBy: 'carol' } });
    expect(json<{ items: unknown[] }>(await carol(['review', 'list', '--output', 'json'])).items).toEqual([]);

    expect(json(await carol(['policy', 'list', '--output', 'json']))).toEqual({
      items: [{ policyId: 'org/baseline', tier: 'org', latestVersion: '1.1.0', versions: [{ version: '1.0.0', status: 'approved' }, { version: '1.1.0', status: 'approved', emergency: true }] }],
    });
    expect(json(await carol(['bundle', 'list', '--policy', 'org/baseline', '--output', 'json']))).toMatchObject({ total: 2, items: [{ version: '1.0.0' }, { version: '1.1.0' }] });
    expect(json(await carol(['bundle', 'show', 'org/baseline', '1.1.0']))).toMatchObject({ version: '1.1.0', document: { metadata: { notes: 'revised by root' } } });
    const shown = (await carol(['bundle', 'show', 'org/baseline', '1.1.0', '--output', 'table'])).stdout;
    expect(shown).toContain('repo-write-approval');
    expect(shown).toContain('revised by root');
    expect(shown).toContain('follow-up review confirmed by carol');
    const diff = await carol(['bundle', 'diff', 'org/baseline', '1.0.0', '1.1.0', '--output', 'table']);
    expect(diff.stdout.split('\n')).toEqual(expect.arrayContaining([
      '+ rule repo-write-approval',
      '- allowLists.domains: pypi.org',
      '- allowLists.domains: files.pythonhosted.org',
    ]));
  }, 400_000);
});
