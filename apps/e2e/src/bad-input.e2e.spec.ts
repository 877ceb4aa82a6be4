import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, ServiceName } from '@edict/contracts';
import { eventually, repoRoot, shipBundle, spawnService, StackClient, type ServiceProcess, type Stack } from '@edict/testing';
import { OPEN_GATES, startE2eStack } from './start-e2e-stack';
import { badInputCases } from './bad-input/cases';
import { baselineSource, DRAFT, ENDPOINTS, POLICY } from './bad-input/endpoints';
import { expectProblem } from './bad-input/problem';
import { RawClient, type RawAnswer } from './bad-input/raw-client';

/**
 * Bad input against every HTTP endpoint of every service, each a process on real Kafka and
 * Postgres: malformed JSON, unknown, missing and mistyped fields, bodies over 1 MiB, missing,
 * forged and expired tokens and the wrong role all get RFC 9457 problem+json with a stable
 * code; domain refusals too. Before and after, what is stored is read back: a refused request
 * changes and loses nothing. The stack holds org/baseline 1.0.0 → 1.1.0 (stable, 1.0.0 before
 * it) and a draft 1.2.0 by alice, which the authoring cases aim at.
 */
describe('bad input, end to end', () => {
  const root = repoRoot();
  const P = encodeURIComponent(POLICY);
  const logDir = mkdtempSync(join(tmpdir(), 'edict-bad-input-'));
  let stack: Stack;
  let raw: RawClient;
  let restarted: ServiceProcess | undefined;
  let stored: { line: RawAnswer; draft: RawAnswer; rollout: RawAnswer; serving: RawAnswer };

  /** Calls as a person with roles; the answer keeps the problem+json details. */
  const as = (subject: string, roles: Role[]) => async (service: ServiceName, method: string, path: string, json?: unknown, headers?: Record<string, string>): Promise<RawAnswer> =>
    raw.send(service, method, path, { token: await raw.token(subject, roles), ...(json === undefined ? {} : { body: { json } }), ...(headers ? { headers } : {}) });
  const alice = as('alice', ['author', 'security']);
  const bob = as('bob', ['security']);
  const dave = as('dave', ['oncall']);
  const admin = as('root', ['admin']);
  const reader = as('erin', ['auditor', 'platform']);
  const readStored = async (): Promise<typeof stored> => ({
    line: await reader('authoring', 'GET', `/v1/bundles/${P}`),
    draft: await reader('authoring', 'GET', `/v1/bundles/${P}/versions/${DRAFT}`),
    rollout: await reader('distribution', 'GET', `/v1/rollouts/${P}`),
    serving: await reader('distribution', 'GET', `/v1/serving/${P}`),
  });
  const bodies = (s: Readonly<Record<string, RawAnswer>>): Record<string, unknown> => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, [v.status, v.body]]));

  beforeAll(async () => {
    stack = await startE2eStack('bad-input', { logDir, env: OPEN_GATES });
    const client = new StackClient(stack.env);
    raw = new RawClient(client);
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.candidate.yaml'));
    const drafted = await alice('authoring', 'POST', '/v1/bundles', { source: baselineSource(DRAFT) });
    expect(drafted.status).toBe(201);
    stored = await readStored();
    expect(bodies(stored)).toMatchObject({
      line: [200, { latestVersion: DRAFT }],
      draft: [200, { status: 'draft', approvals: [], document: { metadata: { version: DRAFT } } }],
      rollout: [200, { stable: { version: '1.1.0' }, history: [{ version: '1.0.0' }], canary: null, pin: null, killSwitch: null }],
      serving: [200, { stable: { version: '1.1.0' }, killSwitch: null }],
    });
  }, 600_000);

  afterAll(async () => {
    await restarted?.stop();
    await stack?.stop();
  }, 120_000);

  describe('every endpoint answers what it cannot take with problem+json and a stable code', () => {
    it.each(badInputCases(ENDPOINTS).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const path = c.query === undefined ? c.endpoint.path : `${c.endpoint.path}?${c.query}`;
      expectProblem(await raw.send(c.endpoint.service, c.endpoint.method, path, await c.request(raw)), c.expect);
    });

    it('and nothing stored was changed or lost: the draft, the line, the rollout and what is served read back as before', async () => {
      expect(bodies(await readStored())).toEqual(bodies(stored));
    });

    it('and the PDP still logs decisions after the hostile payloads: the next normal decision reaches decision-log', async () => {
      const question = { policyId: POLICY, subject: 'after-the-attack', request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org', context: { nested: { ok: true } } } };
      const asked = await reader('pdp', 'POST', '/v1/decisions', question);
      expect(asked.status).toBe(200);
      const decisionId = asked.body['decisionId'];
      const logged = await eventually('the decision in decision-log', async () => {
        const answer = await reader('decision-log', 'GET', `/v1/decisions?policyId=${P}`);
        const items = (answer.body['items'] ?? []) as { decisionId: string }[];
        return items.find((d) => d.decisionId === decisionId);
      }, 60_000);
      expect(logged).toMatchObject({ decisionId, subject: 'after-the-attack' });
    }, 90_000);
  });

  describe('domain refusals', () => {
    it('refuses a reused or skipped version, an org draft without the security role, and another author', async () => {
      const tom = as('tom', ['author']);
      expectProblem(await alice('authoring', 'POST', '/v1/bundles', { source: readFileSync(join(root, 'examples/bundles/org/baseline.yaml'), 'utf8') }), { status: 409, code: 'BUNDLE.VERSION_REUSED' });
      expectProblem(await alice('authoring', 'POST', '/v1/bundles', { source: baselineSource(DRAFT) }), { status: 409, code: 'BUNDLE.VERSION_REUSED' });
      expectProblem(await alice('authoring', 'POST', '/v1/bundles', { source: baselineSource('1.4.0') }), { status: 409, code: 'BUNDLE.VERSION_NOT_NEXT' });
      expectProblem(await tom('authoring', 'POST', '/v1/bundles', { source: baselineSource('1.3.0') }), { status: 403, code: 'BUNDLE.TIER_ROLE_REQUIRED' });
      expectProblem(await bob('authoring', 'PUT', `/v1/bundles/${P}/versions/${DRAFT}`, { source: baselineSource(DRAFT, 'not mine') }), { status: 403, code: 'BUNDLE.NOT_AUTHOR' });
      expectProblem(await bob('authoring', 'POST', `/v1/bundles/${P}/versions/${DRAFT}/approve`, {}), { status: 409, code: 'BUNDLE.NOT_AWAITING_APPROVAL' });
      expectProblem(await reader('authoring', 'GET', `/v1/bundles/${P}/versions/9.9.9`), { status: 404, code: 'BUNDLE.VERSION_NOT_FOUND' });

      expect(bodies(await readStored())).toEqual(bodies(stored));
    });

    it('refuses approval before validation, self-approval and an approver of a role the tier does not need', async () => {
      const validation = stack.services.validation;
      await validation.stop(); // nothing validates the submission until it is back
      expect(await alice('authoring', 'POST', `/v1/bundles/${P}/versions/${DRAFT}/submit`, {})).toMatchObject({ status: 200, body: { status: 'submitted' } });

      expectProblem(await bob('authoring', 'POST', `/v1/bundles/${P}/versions/${DRAFT}/approve`, {}), { status: 409, code: 'BUNDLE.NOT_VALIDATED' });
      expectProblem(await alice('authoring', 'PUT', `/v1/bundles/${P}/versions/${DRAFT}`, { source: baselineSource(DRAFT, 'too late') }), { status: 409, code: 'BUNDLE.NOT_EDITABLE' });

      restarted = spawnService(root, 'validation', Number(new URL(validation.url).port), { ...process.env, ...stack.env }, logDir);
      const verdict = await eventually('validation of the submitted draft', async () => {
        const answer = await reader('validation', 'GET', `/v1/validations/${P}/versions/${DRAFT}`);
        return answer.status === 200 ? answer.body : undefined;
      }, 120_000);
      expect(verdict).toMatchObject({ outcome: 'validated', digest: stored.draft.body['digest'] });

      expectProblem(await alice('authoring', 'POST', `/v1/bundles/${P}/versions/${DRAFT}/approve`, {}), { status: 403, code: 'BUNDLE.SELF_APPROVAL' });
      expectProblem(await as('dan', ['team-lead'])('authoring', 'POST', `/v1/bundles/${P}/versions/${DRAFT}/approve`, {}), { status: 403, code: 'BUNDLE.APPROVER_ROLE_REQUIRED' });
      const draft = await reader('authoring', 'GET', `/v1/bundles/${P}/versions/${DRAFT}`);
      expect(draft.body).toEqual({ ...stored.draft.body, status: 'submitted', missingApprovals: ['security', 'platform'] });
    }, 180_000);

    it('refuses rollout commands that do not fit the rollout, and the kill switch without its override header', async () => {
      const carol = as('carol', ['platform']);
      const refusals: [() => Promise<RawAnswer>, number, string][] = [
        [() => carol('distribution', 'POST', `/v1/rollouts/${P}/start`, { version: DRAFT }), 409, 'ROLLOUT.NOT_RELEASABLE'],
        [() => carol('distribution', 'POST', `/v1/rollouts/${P}/start`, { version: '1.0.0' }), 409, 'ROLLOUT.VERSION_NOT_NEWER'],
        [() => carol('distribution', 'POST', `/v1/rollouts/${P}/promote`, {}), 409, 'ROLLOUT.NOT_IN_PROGRESS'],
        [() => dave('distribution', 'POST', `/v1/rollouts/${P}/pause`, { reason: 'hold' }), 409, 'ROLLOUT.NOT_IN_PROGRESS'],
        [() => dave('distribution', 'POST', `/v1/rollouts/${P}/resume`, {}), 409, 'ROLLOUT.NOT_IN_PROGRESS'],
        [() => dave('distribution', 'POST', `/v1/rollouts/${P}/unpin`, {}), 409, 'ROLLOUT.NOT_PINNED'],
        [() => dave('distribution', 'POST', `/v1/rollouts/${P}/pin`, { version: DRAFT, reason: 'hold' }), 409, 'ROLLOUT.PIN_TARGET_INVALID'],
        [() => dave('distribution', 'POST', `/v1/rollouts/${encodeURIComponent('org/never-rolled-out')}/rollback`, { reason: 'x' }), 409, 'ROLLOUT.NOT_STARTED'],
        [() => admin('distribution', 'POST', `/v1/rollouts/${P}/enable`, { reason: 'x' }, { 'x-edict-override': 'true' }), 409, 'ROLLOUT.NOT_DISABLED'],
        [() => admin('distribution', 'POST', `/v1/rollouts/${P}/disable`, { mode: 'fail-closed', reason: 'x' }), 403, 'ROLLOUT.OVERRIDE_HEADER_REQUIRED'],
        [() => admin('distribution', 'POST', `/v1/rollouts/${P}/disable`, { mode: 'fail-closed', reason: 'x' }, { 'x-edict-override': 'false' }), 403, 'ROLLOUT.OVERRIDE_HEADER_REQUIRED'],
        [() => admin('distribution', 'POST', `/v1/rollouts/${P}/enable`, { reason: 'x' }), 403, 'ROLLOUT.OVERRIDE_HEADER_REQUIRED'],
      ];
      for (const [send, status, code] of refusals) expectProblem(await send(), { status, code });

      const { rollout, serving } = await readStored();
      expect(bodies({ rollout, serving })).toEqual(bodies({ rollout: stored.rollout, serving: stored.serving }));
    });

    it('rolls back once, then refuses: there is nothing left to roll back to', async () => {
      expect(await dave('distribution', 'POST', `/v1/rollouts/${P}/rollback`, { reason: '1.1.0 cut every team off PyPI' })).toMatchObject({ status: 200, body: { stable: { version: '1.0.0' }, history: [] } });
      const after = await reader('distribution', 'GET', `/v1/rollouts/${P}`);

      expectProblem(await dave('distribution', 'POST', `/v1/rollouts/${P}/rollback`, { reason: 'again' }), { status: 409, code: 'ROLLOUT.NO_PREVIOUS_VERSION' });

      expect(await reader('distribution', 'GET', `/v1/rollouts/${P}`)).toEqual(after);
    });

    it('refuses incidents that do not exist', async () => {
      const INCIDENT = 'INC-2025-0000000000000000';
      expectProblem(await dave('incident-response', 'GET', `/v1/incidents/${INCIDENT}`), { status: 404, code: 'INCIDENT.NOT_FOUND' });
      expectProblem(await dave('incident-response', 'POST', `/v1/incidents/${INCIDENT}/acknowledge`, {}), { status: 404, code: 'INCIDENT.NOT_FOUND' });
      expectProblem(await dave('incident-response', 'POST', `/v1/incidents/${INCIDENT}/resolve`, { resolution: 'x' }), { status: 404, code: 'INCIDENT.NOT_FOUND' });
    });
  });
});
