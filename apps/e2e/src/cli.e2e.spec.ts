import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, type Stack } from '@edict/testing';
import { edictCli } from './edict-cli';
import { OPEN_GATES, startE2eStack } from './start-e2e-stack';

/**
 * The `edict` CLI as people use it, as a process against the running services: an author drafts
 * and submits, reviewers approve, the platform team rolls out, someone decides, an auditor exports
 * decisions and simulates a candidate on them, an admin uses the kill switch.
 */
describe('edict CLI against the stack', () => {
  const work = mkdtempSync(join(tmpdir(), 'edict-cli-e2e-'));
  let stack: Stack;

  const edict = edictCli(() => stack.env);
  const json = (out: { stdout: string }): Record<string, unknown> => JSON.parse(out.stdout) as Record<string, unknown>;

  beforeAll(async () => {
    stack = await startE2eStack('cli', { logDir: join(work, 'logs'), env: OPEN_GATES });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('ships, decides, exports, simulates and kills a policy from the command line', async () => {
    expect((await edict(['bundle', 'draft', 'examples/bundles/org/baseline.yaml'], ['author', 'security'], 'alice')).code).toBe(0);
    expect(json(await edict(['bundle', 'submit', 'org/baseline', '1.0.0'], ['author', 'security'], 'alice'))).toMatchObject({ status: 'submitted' });
    await eventually('approval by bob', async () => ((await edict(['bundle', 'approve', 'org/baseline', '1.0.0'], ['security'], 'bob')).code === 0 ? true : undefined));
    const selfApproval = await edict(['bundle', 'approve', 'org/baseline', '1.0.0'], ['platform'], 'alice');
    expect(selfApproval.code).toBe(5); // 403: unauthorised (exit-codes.ts)
    expect(selfApproval.stderr).toContain('BUNDLE.SELF_APPROVAL');
    expect(json(await edict(['bundle', 'approve', 'org/baseline', '1.0.0'], ['platform'], 'carol'))).toMatchObject({ status: 'approved' });
    await eventually('a releasable version', async () => ((await edict(['rollout', 'start', 'org/baseline', '1.0.0'], ['platform'])).code === 0 ? true : undefined));
    await edict(['rollout', 'promote', 'org/baseline'], ['platform']);
    expect(json(await edict(['rollout', 'promote', 'org/baseline'], ['platform']))).toMatchObject({ stable: { version: '1.0.0' } });

    const ask = ['decide', '--policy', 'org/baseline', '--subject', 'agent-7', '--agent', 'coder', '--action', 'network.connect', '--resource', 'pypi.org'];
    const decided = await eventually('the PDP to serve 1.0.0', async () => {
      const out = await edict(ask, ['platform']);
      return out.code === 0 && json(out)['version'] === '1.0.0' ? json(out) : undefined;
    });
    expect(decided['result']).toMatchObject({ effect: 'allow', rule: 'allow-registries' });

    // `edict check` online: the plan's items decided by the version distribution serves (default deny here)
    const checked = await edict(['check', 'examples/documents/tfplan.json', '--policy', 'org/baseline', '--output', 'json'], ['pdp']);
    expect(checked.code).toBe(1);
    const report = json(checked) as { policyId: string; version: string; from: string; results: { outcome: string; policyId: string }[] };
    expect(report).toMatchObject({ policyId: 'org/baseline', version: '1.0.0', from: 'serving' });
    expect(report.results.map((r) => `${r.outcome} ${r.policyId}`)).toEqual(Array.from({ length: 4 }, () => 'FAIL org/baseline'));
    const nothing = await edict(['check', 'examples/documents/tfplan.json', '--policy', 'org/nothing-here'], ['pdp']);
    expect({ code: nothing.code, stdout: nothing.stdout }).toEqual({ code: 1, stdout: '' });
    expect(nothing.stderr).toMatch(/^edict: /);

    const exported = await eventually('the decision in the export', async () => {
      const out = await edict(['decisions-export', '--policy', 'org/baseline'], ['auditor']);
      return out.stdout.includes(String(decided['decisionId'])) ? out.stdout : undefined;
    });
    const file = join(work, 'decisions.ndjson');
    writeFileSync(file, exported);
    const simulated = await edict(['simulate', '--candidate', 'examples/bundles/org/baseline.candidate.yaml', '--decisions', file]);
    expect(simulated.stdout).toMatch(/allow → deny: 1/);

    const noHeaderNeeded = await edict(['rollout', 'disable', 'org/baseline', '--mode', 'fail-closed', '--reason', 'drill'], ['platform']);
    expect(noHeaderNeeded.code).toBe(5);
    expect(noHeaderNeeded.stderr).toContain('AUTH.ROLE_REQUIRED');
    expect(json(await edict(['rollout', 'disable', 'org/baseline', '--mode', 'fail-closed', '--reason', 'drill'], ['admin']))).toMatchObject({ killSwitch: { mode: 'fail-closed' } });
    const killed = await eventually('the PDP to follow the kill switch', async () => {
      const out = await edict(ask, ['platform']);
      return out.code === 0 && String((json(out)['result'] as { reason: string }).reason).includes('disabled') ? json(out) : undefined;
    });
    expect(killed['result']).toMatchObject({ effect: 'deny' });
    expect(json(await edict(['rollout', 'enable', 'org/baseline', '--reason', 'drill over'], ['admin']))).toMatchObject({ killSwitch: null });
    expect(json(await edict(['incident', 'list'], ['oncall']))).toEqual({ items: [] });
  }, 300_000);
});
