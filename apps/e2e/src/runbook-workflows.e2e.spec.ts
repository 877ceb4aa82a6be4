import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askPdpUntilVersion, eventually, repoRoot, shipBundle, StackClient, type Decision, type Stack } from '@edict/testing';
import { cliJson, edictCli } from './edict-cli';
import { OPEN_GATES, startE2eStack } from './start-e2e-stack';
const POLICY = 'org/baseline';

interface Out { readonly stdout: string; readonly stderr: string; readonly code: number }
interface ExceptionRow { readonly exceptionId: string; readonly status: string; readonly active: boolean; readonly approvedBy?: string }
interface Summary { readonly ok: boolean; readonly bundles: { readonly locks: Record<string, { readonly drift: { added: string[]; removed: string[] } }> }[]; readonly decisions: { readonly policyId: string; readonly counts: { allowed: number; blocked: number } }[] }

/**
 * docs/runbook.md's procedures from issue 12, executed in order with the real `edict` CLI against
 * every service as its own process: the Policy Exception Process, allow-list governance in CI, the
 * IaC gate, explaining a decision, retiring a policy. Each test continues the last.
 */
describe('runbook workflows (docs/runbook.md)', () => {
  const root = repoRoot();
  const work = mkdtempSync(join(tmpdir(), 'edict-runbook-e2e-'));
  let stack: Stack;
  let client: StackClient;

  const edict = edictCli(() => stack.env, { subject: 'oncall-erin', env: { NO_COLOR: '1' } });
  const json = cliJson;
  const alice = (args: string[]): Promise<Out> => edict(args, ['author', 'security'], 'alice');
  const decide = async (action: string, resource: string, context?: Record<string, unknown>): Promise<Decision> =>
    json<Decision>(await edict(['decide', '--policy', POLICY, '--subject', 'agent-9', '--agent', 'coder', '--action', action, '--resource', resource,
      ...(context ? ['--context', JSON.stringify(context)] : []), '--output', 'json'], ['platform']));
  const highRisk = (resource: string): Promise<Decision> => decide('repo.read', resource, { risk_score: 95 });

  beforeAll(async () => {
    stack = await startE2eStack('runbook', {
      logDir: join(work, 'logs'),
      env: { ...OPEN_GATES, EDICT_DECISION_WINDOW_SECONDS: '2', EDICT_DECISION_ALLOWED_LATENESS_MS: '500' },
    });
    client = new StackClient(stack.env);
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    await shipBundle(client, join(root, 'examples/bundles/org/infrastructure.yaml'));
    await askPdpUntilVersion(client, { policyId: POLICY, subject: 'agent-9', request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } }, '1.0.0');
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('Policy Exception Process: requested, approved by someone else, applied, on the review list, revoked', async () => {
    expect((await highRisk('repos/alpha/web')).result).toMatchObject({ effect: 'deny', rule: 'deny-high-risk' });

    const requested = json<ExceptionRow>(await alice(['exception', 'request', '--policy', POLICY, '--rule', 'deny-high-risk', '--resource', 'repos/alpha/*',
      '--justification', 'risk scorer misfires on alpha', '--ticket', 'SEC-1234', '--expires', '3d', '--output', 'json']));
    expect(requested).toMatchObject({ exceptionId: 'EXC-001', status: 'requested', active: false });
    const self = await alice(['exception', 'approve', 'EXC-001']);
    expect({ code: self.code, stderr: self.stderr }).toEqual({ code: 5, stderr: expect.stringContaining('EXCEPTION.SELF_APPROVAL') });
    const approved = json<ExceptionRow>(await edict(['exception', 'approve', 'EXC-001', '--output', 'json'], ['security'], 'bob'));
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'bob', active: true });

    const waived = await eventually('the PDP to apply EXC-001', async () => {
      const decision = await highRisk('repos/alpha/web');
      return decision.result.exception === 'EXC-001' ? decision : undefined;
    });
    expect(waived.result).toMatchObject({ effect: 'allow', rule: 'allow-repo-read', exception: 'EXC-001' });
    expect((await highRisk('repos/beta/web')).result).toMatchObject({ effect: 'deny', rule: 'deny-high-risk' });

    const review = json<{ items: ExceptionRow[] }>(await edict(['exception', 'list', '--expiring', '7d', '--output', 'json'], ['auditor'], 'erin'));
    expect(review.items.map((e) => `${e.exceptionId} ${e.status}`)).toEqual(['EXC-001 approved']);
    const revoked = json<ExceptionRow>(await alice(['exception', 'revoke', 'EXC-001', '--reason', 'risk scorer fixed', '--output', 'json']));
    expect(revoked).toMatchObject({ status: 'revoked', active: false });
    const denied = await eventually('the PDP to drop EXC-001', async () => {
      const decision = await highRisk('repos/alpha/web');
      return decision.result.effect === 'deny' ? decision : undefined;
    });
    expect(denied.result).toMatchObject({ effect: 'deny', rule: 'deny-high-risk' });
    expect(denied.result.exception).toBeUndefined();
  }, 120_000);

  it('allow-list governance in CI: the lock passes, drift fails with exit 1, blocked decisions counted from the log', async () => {
    for (const f of ['egress-allowlist.yaml', 'egress-allowlist.domains.lock']) copyFileSync(join(root, 'examples/bundles/org', f), join(work, f));
    const bundle = join(work, 'egress-allowlist.yaml');
    const passed = await edict(['verify', bundle, '--summary-out', join(work, 'pass.json')], ['auditor']);
    expect({ code: passed.code, stdout: passed.stdout.trim() }).toEqual({ code: 0, stdout: 'verify: 1 bundle(s), 0 error(s), 0 warning(s)' });
    expect(JSON.parse(readFileSync(join(work, 'pass.json'), 'utf8'))).toMatchObject({ ok: true, bundles: [{ locks: { domains: { drift: { added: [], removed: [] } } } }] });

    const lock = join(work, 'egress-allowlist.domains.lock');
    writeFileSync(lock, `${readFileSync(lock, 'utf8')}files.pythonhosted.org\n`);
    const drifted = await edict(['verify', bundle, '--summary-out', join(work, 'drift.json')], ['auditor']);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toMatch(/error POLICY\.ALLOWLIST_LOCK_DRIFT .*removed 'files\.pythonhosted\.org'/);
    const summary = JSON.parse(readFileSync(join(work, 'drift.json'), 'utf8')) as Summary;
    expect(summary.ok).toBe(false);
    expect(summary.bundles[0]!.locks['domains']!.drift).toEqual({ added: [], removed: ['files.pythonhosted.org'] });
    const refusedDraft = await alice(['bundle', 'draft', bundle]);
    expect(refusedDraft.code).toBe(1);
    expect(`${refusedDraft.stdout}${refusedDraft.stderr}`).toContain('POLICY.ALLOWLIST_LOCK_DRIFT');

    const counted = await eventually('allowed and blocked decisions of org/baseline in the log', async () => {
      const out = await edict(['verify', '--policy', POLICY, '--since', '1h', '--summary-out', join(work, 'counts.json')], ['auditor']);
      const s = JSON.parse(readFileSync(join(work, 'counts.json'), 'utf8')) as Summary;
      return out.code === 0 && s.decisions[0]!.counts.allowed > 0 && s.decisions[0]!.counts.blocked > 0 ? out : undefined;
    });
    expect(counted.stdout).toContain('warning VERIFY.BLOCKED_DECISIONS');
    const failOnBlocked = await edict(['verify', '--policy', POLICY, '--no-blocked-since', '15m'], ['auditor']);
    expect(failOnBlocked.code).toBe(1);
    expect(failOnBlocked.stdout).toMatch(/error VERIFY\.BLOCKED_DECISIONS org\/baseline blocked \d+ decision\(s\) since /);
  }, 120_000);

  it('the IaC gate: edict check fails exactly on the two offending resources, offline and against the serving version', async () => {
    const fails = [
      'FAIL - tfplan.json - org/infrastructure - deny-public-bucket: S3 buckets must not be public (aws_s3_bucket.site)',
      'FAIL - tfplan.json - org/infrastructure - deny-database-delete: databases are never deleted or replaced by a plan; use the decommissioning runbook (aws_db_instance.main)',
    ];
    const offline = await edict(['check', 'examples/documents/tfplan.json', '--policy', 'examples/bundles/org/infrastructure.yaml'], ['pdp']);
    expect(offline.code).toBe(1);
    expect(offline.stdout.trim().split('\n').filter((l) => l !== '')).toEqual([...fails, '4 tests, 2 passed, 0 warnings, 2 failures']);

    const online = await edict(['check', 'examples/documents/tfplan.json', '--policy', 'org/infrastructure'], ['pdp']);
    expect({ code: online.code, stdout: online.stdout }).toEqual({ code: 1, stdout: offline.stdout });
    const report = await edict(['check', 'examples/documents/tfplan.json', '--policy', 'org/infrastructure', '--output', 'json'], ['pdp']);
    expect(report.code).toBe(1);
    expect(JSON.parse(report.stdout)).toMatchObject({ policyId: 'org/infrastructure', version: '1.0.0', from: 'serving' });
  }, 60_000);

  it('explaining a decision: the deciding rule and why the others did not match, then again from the log', async () => {
    const args = ['decide', '--policy', POLICY, '--subject', 'agent-9', '--agent', 'coder', '--action', 'network.connect', '--resource', 'evil.example.com', '--explain'];
    const text = await edict([...args, '--output', 'table'], ['platform']);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('deny by rule network-default-deny (org): outbound network is denied unless the domain is allow-listed');
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^org\/baseline@1\.0\.0 \(org, cohort \d+, stable\) → deny by network-default-deny$/),
      expect.stringMatching(/✗ deny-secrets +deny +resource "evil\.example\.com" does not match secrets\/\*\*$/),
      expect.stringMatching(/✗ allow-registries +allow +when is false: request\.resource in settings\.allowLists\.domains$/),
      expect.stringMatching(/✓ network-default-deny +deny +matched$/),
    ]));

    const decided = json<Decision>(await edict([...args, '--output', 'json'], ['platform']));
    const again = await eventually('the decision in the log, re-explained', async () => {
      const out = await edict(['decisions', 'explain', decided.decisionId, '--output', 'table'], ['auditor'], 'erin');
      return out.code === 0 ? out.stdout.split('\n') : undefined;
    });
    expect(again[0]).toBe(`decision ${decided.decisionId}: stored deny by network-default-deny; re-explained the same`);
    expect(again).toEqual(expect.arrayContaining([expect.stringMatching(/✗ allow-registries +allow +when is false/)]));
  }, 90_000);

  it('retiring a policy: refused while it served decisions, forced by an admin, no longer served, its major not reusable', async () => {
    await eventually('decisions counted in the quiet period', async () => {
      const check = json<{ recentDecisions: number; quiet: boolean }>(await edict(['policy', 'retire', POLICY, '--dry-run', '--output', 'json'], ['auditor']));
      return check.recentDecisions > 0 && !check.quiet ? check : undefined;
    });
    const refused = await edict(['policy', 'retire', POLICY, '--reason', 'replaced by org/egress-allowlist'], ['platform'], 'carol');
    expect({ code: refused.code, stderr: refused.stderr }).toEqual({ code: 4, stderr: expect.stringContaining('ROLLOUT.RETIRE_RECENT_DECISIONS') });
    const notAdmin = await edict(['policy', 'retire', POLICY, '--reason', 'replaced', '--force'], ['platform'], 'carol');
    expect({ code: notAdmin.code, stderr: notAdmin.stderr }).toEqual({ code: 5, stderr: expect.stringContaining('ROLLOUT.RETIRE_FORCE_FORBIDDEN') });
    const forced = await edict(['policy', 'retire', POLICY, '--reason', 'replaced by org/egress-allowlist', '--force', '--output', 'table'], ['admin', 'platform'], 'root');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^org\/baseline retired \(forced\) at \S+ by root\n/);
    expect(forced.stdout).toContain('its id serves again only as a new major version above 1.x');

    const stopped = await eventually('the PDP to stop serving org/baseline', async () => {
      const decision = await decide('network.connect', 'pypi.org');
      return decision.result.error?.code === 'PDP.NO_ACTIVE_BUNDLE' ? decision : undefined;
    });
    expect(stopped.result.effect).toBe('deny');
    const status = json<{ stable: unknown; canary: unknown; retired: { forced: boolean } | null; history: { version: string }[] }>(await edict(['rollout', 'status', POLICY, '--output', 'json'], ['oncall']));
    expect(status).toMatchObject({ stable: null, canary: null, retired: { forced: true }, history: [{ version: '1.0.0' }] });

    const source = readFileSync(join(root, 'examples/bundles/org/baseline.yaml'), 'utf8');
    writeFileSync(join(work, 'baseline-1.1.0.yaml'), source.replace('version: 1.0.0', 'version: 1.1.0'));
    const sameMajor = await alice(['bundle', 'draft', join(work, 'baseline-1.1.0.yaml')]);
    expect({ code: sameMajor.code, stderr: sameMajor.stderr }).toEqual({ code: 4, stderr: expect.stringContaining('BUNDLE.POLICY_RETIRED') });
    writeFileSync(join(work, 'baseline-2.0.0.yaml'), source.replace('version: 1.0.0', 'version: 2.0.0'));
    expect(json<{ version: string }>(await alice(['bundle', 'draft', join(work, 'baseline-2.0.0.yaml'), '--output', 'json']))).toMatchObject({ version: '2.0.0' });
  }, 120_000);
});
