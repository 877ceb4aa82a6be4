import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@edict/contracts';
import { mintDevToken } from '@edict/service-kit';
import { eventually, repoRoot, StackClient, type Stack } from '@edict/testing';
import { startE2eStack } from './start-e2e-stack';

/**
 * Separation of duties across tiers, every cell of docs/security.md's rollout matrix, against the
 * running services: a caller the matrix admits gets past authorization (the rollout then refuses
 * on its own terms: nothing is released here, so 409), everyone else gets 403. Tokens carry teams.
 */
describe('who may steer which rollout', () => {
  const root = repoRoot();
  let stack: Stack;
  let client: StackClient;

  beforeAll(async () => {
    stack = await startE2eStack('duties');
    client = new StackClient(stack.env);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  const actors: Readonly<Record<string, { roles: Role[]; teams: string[] }>> = {
    'lead-alpha': { roles: ['team-lead'], teams: ['alpha'] },
    'lead-beta': { roles: ['team-lead'], teams: ['beta'] },
    'lead-no-team': { roles: ['team-lead'], teams: [] },
    platform: { roles: ['platform'], teams: [] },
    oncall: { roles: ['oncall'], teams: [] },
    admin: { roles: ['admin'], teams: [] },
    'author-alpha': { roles: ['author'], teams: ['alpha'] },
    security: { roles: ['security'], teams: [] },
    auditor: { roles: ['auditor'], teams: [] },
    pdp: { roles: ['pdp'], teams: [] },
  };
  const policies = { org: 'org/duties', team: 'teams/alpha/duties', project: 'projects/alpha/web/duties' } as const;
  const bodies: Readonly<Record<string, unknown>> = {
    start: { version: '1.0.0' },
    promote: {},
    rollback: { reason: 'duties' },
    pause: { reason: 'duties' },
    resume: undefined,
    pin: { version: '1.0.0', reason: 'duties' },
    unpin: undefined,
  };
  // The matrix, written out rather than computed, so a change of the rule must change this table.
  const launch = { org: ['platform', 'oncall', 'admin'], team: ['lead-alpha', 'platform', 'admin'], project: ['lead-alpha', 'platform', 'admin'] };
  const steer = { org: ['platform', 'oncall', 'admin'], team: ['lead-alpha', 'oncall', 'platform', 'admin'], project: ['lead-alpha', 'oncall', 'platform', 'admin'] };
  const admitted: Readonly<Record<string, Readonly<Record<keyof typeof policies, readonly string[]>>>> = {
    start: launch, promote: launch, rollback: steer, pause: steer, resume: steer, pin: steer, unpin: steer,
  };

  const cells = Object.keys(bodies).flatMap((action) =>
    (Object.keys(policies) as (keyof typeof policies)[]).flatMap((tier) => Object.keys(actors).map((actor) => [action, tier, actor] as const)),
  );

  it(`answers each of the ${cells.length} cells as the matrix says`, async () => {
    const tokens = new Map<string, string>();
    for (const [name, actor] of Object.entries(actors)) tokens.set(name, await mintDevToken({ subject: name, roles: actor.roles, teams: actor.teams, ttlSeconds: 600 }));
    const mismatches: string[] = [];
    for (const [action, tier, actor] of cells) {
      const body = bodies[action];
      const response = await fetch(`${client.url('distribution')}/v1/rollouts/${encodeURIComponent(policies[tier])}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.get(actor) ?? ''}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const problem = (await response.json()) as { code?: string };
      const allowed = admitted[action]?.[tier]?.includes(actor) ?? false;
      const ok = allowed
        ? response.status === 409 && (problem.code ?? '').startsWith('ROLLOUT.') && problem.code !== 'ROLLOUT.TIER_ROLE_REQUIRED'
        : response.status === 403 && ['AUTH.ROLE_REQUIRED', 'ROLLOUT.TIER_ROLE_REQUIRED'].includes(problem.code ?? '');
      if (!ok) mismatches.push(`${action} ${policies[tier]} as ${actor}: ${response.status} ${problem.code ?? ''} (expected ${allowed ? 'admitted' : '403'})`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it("lets only the policy's own team leads approve a team policy", async () => {
    const mint = (subject: string, roles: Role[], teams: string[] = []) => mintDevToken({ subject, roles, teams, ttlSeconds: 600 });
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${client.url('authoring')}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      return { status: response.status, body: (await response.json()) as { code?: string; status?: string } };
    };
    const source = readFileSync(join(root, 'examples/bundles/teams/alpha/repos.yaml'), 'utf8');
    const author = await mint('tom', ['author'], ['alpha']);
    expect((await call(author, 'POST', '/v1/bundles', { source })).status).toBe(201);
    const version = `/v1/bundles/${encodeURIComponent('teams/alpha/repos')}/versions/2.3.0`;
    expect((await call(author, 'POST', `${version}/submit`)).status).toBe(200);
    await eventually('the verdict on teams/alpha/repos@2.3.0', async () => {
      const response = await fetch(`${client.url('validation')}/v1/validations/${encodeURIComponent('teams/alpha/repos')}/2.3.0`, { headers: { authorization: `Bearer ${author}` } });
      return response.status === 200 ? ((await response.json()) as { outcome: string }).outcome : undefined;
    }, 120_000);

    const refusals: [string, Role[], string[], string][] = [
      ['eve', ['team-lead'], ['beta'], 'BUNDLE.APPROVER_TEAM_REQUIRED'],
      ['lee', ['team-lead'], [], 'BUNDLE.APPROVER_TEAM_REQUIRED'],
      ['bob', ['security'], [], 'BUNDLE.APPROVER_ROLE_REQUIRED'],
      ['carol', ['platform'], ['alpha'], 'BUNDLE.APPROVER_ROLE_REQUIRED'],
    ];
    for (const [subject, roles, teams, code] of refusals) {
      expect({ subject, ...(await call(await mint(subject, roles, teams), 'POST', `${version}/approve`)) }).toMatchObject({ subject, status: 403, body: { code } });
    }
    expect(await call(await mint('dan', ['team-lead'], ['alpha']), 'POST', `${version}/approve`)).toMatchObject({ status: 200, body: { status: 'approved' } });
  }, 180_000);
});
