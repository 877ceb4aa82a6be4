import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askPdpUntilVersion, eventually, people, repoRoot, shipBundle, StackClient, type Decision, type Stack } from '@edict/testing';
import { edictCli } from './edict-cli';
import { OPEN_GATES, startE2eStack } from './start-e2e-stack';
const P = encodeURIComponent('org/baseline');

interface Rule { readonly id: string; readonly outcome: string; readonly field?: string; readonly value?: string }
type Explained = Decision & { readonly explanation: { readonly tiers: readonly { readonly rules: readonly Rule[] }[]; readonly versions: readonly string[]; readonly canary: boolean } };

/**
 * Explained decisions and retiring a policy (issue 12 §4, §5), every service as its own process,
 * resources masked in the log (EDICT_DECISION_MASK_PATHS=resource): the PDP explains a decision
 * with every rule considered (the masked resource shows "***"); `edict decisions explain <id>`
 * re-explains it from decision-log and authoring and says the masked resource makes it differ;
 * `edict policy retire` is refused while the policy served decisions, forced by an admin, after
 * which the PDP serves nothing for it, its history stays, and authoring drafts only a new major.
 */
describe('explain and retire', () => {
  const root = repoRoot();
  let stack: Stack;
  let client: StackClient;

  const edict = edictCli(() => stack.env);

  beforeAll(async () => {
    stack = await startE2eStack('explain-retire', {
      logDir: mkdtempSync(join(tmpdir(), 'edict-explain-retire-')),
      env: { ...OPEN_GATES, EDICT_DECISION_MASK_PATHS: 'resource', EDICT_DECISION_WINDOW_SECONDS: '2', EDICT_DECISION_ALLOWED_LATENESS_MS: '500' },
    });
    client = new StackClient(stack.env);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  const question = { policyId: 'org/baseline', subject: 'agent-1', request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } };

  it('explains a decision at the PDP and again from the log, then retires the policy', async () => {
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    await askPdpUntilVersion(client, question, '1.0.0');

    const explained = await client.as('svc-web', ['platform']).call<Explained>('pdp', 'POST', '/v1/decisions?explain=full', question);
    expect(explained.status).toBe(200);
    expect(explained.body.result).toMatchObject({ effect: 'allow', rule: 'allow-registries' });
    expect(explained.body.explanation).toMatchObject({ versions: ['org/baseline@1.0.0'], canary: false });
    const rules = explained.body.explanation.tiers[0]!.rules;
    expect(rules.find((r) => r.id === 'deny-secrets')).toMatchObject({ outcome: 'no-match', field: 'resource', value: '***' });
    expect(rules.find((r) => r.id === 'allow-registries')).toMatchObject({ outcome: 'matched' });
    expect(rules.find((r) => r.id === 'network-default-deny')).toMatchObject({ outcome: 'not-reached' });
    expect(JSON.stringify(explained.body)).not.toContain('pypi.org');

    const decisionId = explained.body.decisionId;
    const again = await eventually('the decision in the log, re-explained', async () => {
      const out = await edict(['decisions', 'explain', decisionId, '--output', 'json'], ['auditor']);
      return out.code === 0 ? (JSON.parse(out.stdout) as { agrees: boolean; maskedFields: string[]; notes: string[]; stored: { rule: string } }) : undefined;
    }, 60_000);
    expect(again.stored.rule).toBe('allow-registries');
    expect(again.maskedFields).toEqual(['resource']);
    expect(again.agrees).toBe(false); // evaluated on "***", allow-registries' `when` is false
    expect(again.notes.join(' ')).toContain('holds resource masked');

    const carol = client.as(people.carol.subject, [...people.carol.roles]);
    await eventually('the decisions counted in the quiet period', async () => {
      const check = await carol.call<{ recentDecisions: number }>('distribution', 'GET', `/v1/rollouts/${P}/retire`);
      return check.body.recentDecisions > 0 ? true : undefined;
    }, 60_000);
    const refused = await edict(['policy', 'retire', 'org/baseline', '--reason', 'replaced by org/egress'], ['platform'], 'carol');
    expect({ code: refused.code, stderr: refused.stderr }).toMatchObject({ code: 4, stderr: expect.stringContaining('ROLLOUT.RETIRE_RECENT_DECISIONS') });
    const notAdmin = await carol.call<{ code: string }>('distribution', 'POST', `/v1/rollouts/${P}/retire`, { reason: 'replaced', force: true });
    expect({ status: notAdmin.status, code: notAdmin.body.code }).toEqual({ status: 403, code: 'ROLLOUT.RETIRE_FORCE_FORBIDDEN' });
    const forced = await edict(['policy', 'retire', 'org/baseline', '--reason', 'replaced by org/egress', '--force', '--output', 'json'], ['admin', 'platform'], 'root');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ stable: null, canary: null, retired: { forced: true, lastMajor: 1, retiredBy: 'root' }, history: [{ version: '1.0.0' }] });

    await eventually('the PDP to drop org/baseline', async () => {
      const answer = await client.as('svc-web', ['platform']).call<Decision>('pdp', 'POST', '/v1/decisions', question);
      return answer.body.result?.error?.code === 'PDP.NO_ACTIVE_BUNDLE' ? true : undefined;
    }, 30_000);
    const serving = await carol.call<{ stable: unknown; canary: unknown; pinned: unknown }>('distribution', 'GET', `/v1/serving/${P}`);
    expect(serving.body).toMatchObject({ stable: null, canary: null, pinned: null });

    const alice = client.as(people.alice.subject, [...people.alice.roles]);
    const source = readFileSync(join(root, 'examples/bundles/org/baseline.yaml'), 'utf8');
    const sameMajor = await alice.call<{ code: string }>('authoring', 'POST', '/v1/bundles', { source: source.replace('version: 1.0.0', 'version: 1.1.0'), filename: 'baseline.yaml' });
    expect({ status: sameMajor.status, code: sameMajor.body.code }).toEqual({ status: 409, code: 'BUNDLE.POLICY_RETIRED' });
    const newMajor = await alice.call<{ version: string }>('authoring', 'POST', '/v1/bundles', { source: source.replace('version: 1.0.0', 'version: 2.0.0'), filename: 'baseline.yaml' });
    expect({ status: newMajor.status, version: newMajor.body.version }).toEqual({ status: 201, version: '2.0.0' });
  }, 300_000);
});
