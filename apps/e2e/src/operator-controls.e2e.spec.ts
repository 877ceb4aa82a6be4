import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mintDevToken } from '@edict/service-kit';
import { eventually, repoRoot, StackClient, startStack, uniqueName, type Stack } from '@edict/testing';
import { cliJson, edictCli } from './edict-cli';
import { decideFor, nextWindowStart, pdpServesCanary, subjectsInCohorts, type Ask } from './canary-traffic';
import { releaseToCanary } from './release-bundle';

const run = promisify(execFile);
const POLICY = 'org/baseline';
const AUTO = 'org/auto-promote';
const GATE_MIN_DECISIONS = 20;
const WINDOW_MS = 2000;
/** cli-table3 colours its borders whatever NO_COLOR says */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

interface Out { readonly stdout: string; readonly stderr: string; readonly code: number }
interface Active { policyId: string; stable: { version: string } | null; canary: { version: string; percentage: number } | null; canaryShare: number; lastChange: { type: string; version: string | null; by: string } | null }

/**
 * docs/runbook.md executed step by step with the real `edict` CLI against every service as its
 * own process: "Canary Won't Promote", the emergency rollback (with a named target and the bad
 * input around it), "Rollback Not Working" (the system kill switch), and a bundle's own canary
 * schedule promoted by distribution itself. The tests run in order, each continuing the last.
 */
describe('operator controls (docs/runbook.md)', () => {
  const root = repoRoot();
  const work = mkdtempSync(join(tmpdir(), 'edict-operator-e2e-'));
  let stack: Stack;
  let client: StackClient;

  const edict = edictCli(() => stack.env, { subject: 'oncall-erin', env: { NO_COLOR: '1' } });
  const json = cliJson;
  /** A refusal: the problem's code on stderr, and the CLI's exit code for its status (`edict --help`: 1 bad input, 4 conflict, 5 unauthorised). */
  const refused = (out: Out, code: string, exit: 1 | 4 | 5): void => {
    expect({ code: out.code, stderr: out.stderr }).toEqual({ code: exit, stderr: expect.stringContaining(code) });
  };
  const status = (policyId = POLICY) => edict(['rollout', 'status', policyId], ['oncall']).then((o) => json<{ revision: number; stable: { version: string } | null; canary: { version: string; percentage: number } | null; archived: string[]; history: { version: string }[] }>(o));
  const active = async (): Promise<Active[]> => json<{ items: Active[] }>(await edict(['policy', 'list', '--active', '--output', 'json'], ['oncall'])).items;
  /** A raw HTTP call (what the CLI cannot send: no header, no reason), answered as problem+json. */
  const raw = async (path: string, roles: Parameters<typeof mintDevToken>[0]['roles'], body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> => {
    const token = await mintDevToken({ subject: 'root', roles });
    const answer = await fetch(`${client.url('distribution')}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: answer.status, type: answer.headers.get('content-type'), body: (await answer.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    await run(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root });
    stack = await startStack({
      kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      databaseUrl: process.env['DATABASE_URL'] ?? '',
      schema: uniqueName('e2e_operator').replace(/-/g, '_'),
      logDir: join(work, 'logs'),
      env: {
        EDICT_TOPIC_PREFIX: `${uniqueName('e2e-operator')}.`,
        EDICT_DECISION_WINDOW_SECONDS: String(WINDOW_MS / 1000),
        EDICT_DECISION_WINDOW_GRACE_MS: '10000',
        EDICT_GATE_MIN_DECISIONS: String(GATE_MIN_DECISIONS),
        EDICT_GATE_SOAK_SECONDS: '0',
        EDICT_PDP_NAME: uniqueName('pdp'),
        LOG_LEVEL: 'warn',
      },
    });
    client = new StackClient(stack.env);
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it("Canary Won't Promote: the gate table, check-gates on other numbers, a refused promotion, then an override", async () => {
    await releaseToCanary(client, join(root, 'examples/bundles/org/baseline.yaml'));
    // step 1: every gate with its value and threshold; no traffic yet, so too few decisions
    const shown = await edict(['rollout', 'status', POLICY], ['oncall']);
    expect(json(shown)).toMatchObject({ canary: { version: '1.0.0', percentage: 10 }, gate: { passed: false, decisionsCounted: 0 } });
    const gates = shown.stderr.replace(ANSI, '');
    expect(gates).toMatch(/decisions\s*│\s*0\s*│\s*20\s*│.*FAIL/);
    expect(gates).toContain('decisions counted: 0');
    // step 2: the gates on supplied numbers; nothing changes
    const before = (await status()).revision;
    const tried = await edict(['rollout', 'check-gates', POLICY, '--decisions', '1000', '--errors', '12', '--denies', '150'], ['oncall']);
    expect(json(tried)).toMatchObject({ passed: true, reasons: [], decisionsCounted: 1000 });
    expect(json(await edict(['rollout', 'check-gates', POLICY, '--decisions', '1000', '--errors', '72', '--denies', '150'], ['oncall']))).toMatchObject({ passed: false, reasons: ['error rate 7.2% exceeds 5.0%'] });
    refused(await edict(['rollout', 'check-gates', POLICY, '--decisions', '-5', '--errors', '0', '--denies', '0'], ['oncall']), 'GATE.METRICS_INVALID', 1);
    refused(await edict(['rollout', 'check-gates', POLICY, '--decisions', '100', '--errors', '101', '--denies', '0'], ['oncall']), 'GATE.METRICS_INVALID', 1);
    const overOne = await raw(`/v1/rollouts/${encodeURIComponent(POLICY)}/check-gates`, ['oncall'], { decisions: 10, errors: 0, denies: 0, stable: { decisions: 10, errors: 11, denies: 0 } });
    expect(overOne).toMatchObject({ status: 400, type: expect.stringMatching(/^application\/problem\+json/), body: { code: 'GATE.METRICS_INVALID' } });
    expect((await status()).revision).toBe(before);
    // step 3: promotion is refused by the gates; an admin or platform engineer may override, with a reason
    refused(await edict(['rollout', 'promote', POLICY], ['platform'], 'carol'), 'ROLLOUT.GATE_FAILED', 4);
    expect(await status()).toMatchObject({ revision: before, canary: { percentage: 10 } });
    expect(json(await edict(['rollout', 'promote', POLICY, '--override-reason', 'drill: no traffic in this environment'], ['platform'], 'carol'))).toMatchObject({ canary: { percentage: 50 } });
    expect(json(await edict(['rollout', 'promote', POLICY, '--override-reason', 'drill: no traffic in this environment'], ['platform'], 'carol'))).toMatchObject({ stable: { version: '1.0.0' }, canary: null });
  }, 400_000);

  it('Emergency rollback: find what serves, roll back with an incident, verify; named targets that cannot be are refused', async () => {
    await releaseToCanary(client, join(root, 'examples/bundles/org/baseline.broken.yaml'));
    for (let step = 0; step < 2; step++) json(await edict(['rollout', 'promote', POLICY, '--override-reason', 'drill'], ['platform'], 'carol'));
    // step 1: which version serves, since when, and who changed it last
    const serving = (await active()).find((p) => p.policyId === POLICY);
    expect(serving).toMatchObject({ stable: { version: '1.1.0' }, canary: null, canaryShare: 0, lastChange: { type: 'RolloutPromoted', version: '1.1.0', by: 'carol' } });
    const table = await edict(['policy', 'list', '--active', '--output', 'table'], ['oncall']);
    expect(table.stdout).toMatch(/org\/baseline\s*│\s*1\.1\.0/);

    // bad named targets first: each refused with its code, and the rollout does not move
    const before = (await status()).revision;
    refused(await edict(['rollout', 'rollback', POLICY, '--reason', 'drill', '--to-version', '9.9.9'], ['oncall'], 'dave'), 'ROLLOUT.NOT_RELEASABLE', 4);
    refused(await edict(['rollout', 'rollback', POLICY, '--reason', 'drill', '--to-version', 'latest'], ['oncall'], 'dave'), 'REQUEST.INVALID', 1);
    refused(await edict(['rollout', 'rollback', POLICY, '--reason', 'drill', '--to-version', '1.1.0'], ['oncall'], 'dave'), 'ROLLOUT.ROLLBACK_TARGET_SERVING', 4);
    refused(await edict(['rollout', 'rollback', POLICY, '--reason', 'drill', '--if-match', String(before - 1)], ['oncall'], 'dave'), 'ROLLOUT.REVISION_MISMATCH', 4);
    expect((await status()).revision).toBe(before);

    // step 2: roll back, asking for an incident, with the revision seen in step 1
    const rolled = json(await edict(['rollout', 'rollback', POLICY, '--reason', 'Emergency rollback: high error rate', '--create-incident', '--to-version', '1.0.0', '--if-match', String(before)], ['oncall'], 'dave'));
    expect(rolled).toMatchObject({ stable: { version: '1.0.0' }, archived: ['1.1.0'], revision: before + 1 });
    // step 3: verify: the previous version serves, the incident is open, the archived one is no target
    expect((await active()).find((p) => p.policyId === POLICY)).toMatchObject({ stable: { version: '1.0.0' }, lastChange: { type: 'BundleRolledBack', version: '1.1.0', by: 'dave' } });
    const incidents = await eventually('the incident the rollback asked for', async () => {
      const out = json<{ items: { policyId: string; version: string }[] }>(await edict(['incident', 'list'], ['oncall']));
      return out.items.some((i) => i.policyId === POLICY && i.version === '1.1.0') ? out.items : undefined;
    }, 120_000);
    expect(incidents.length).toBeGreaterThan(0);
    refused(await edict(['rollout', 'rollback', POLICY, '--reason', 'drill', '--to-version', '1.1.0'], ['oncall'], 'dave'), 'ROLLOUT.ROLLBACK_TARGET_ARCHIVED', 4);
  }, 400_000);

  it('EMERGENCY: Rollback Not Working: nothing to roll back to, so the system kill switch; refused without role, header or reason', async () => {
    const before = (await status()).revision;
    // the rollback that does not work: 1.0.0 is the first stable version
    refused(await edict(['rollout', 'rollback', POLICY, '--reason', 'still failing'], ['oncall'], 'dave'), 'ROLLOUT.NO_PREVIOUS_VERSION', 4);
    // bad input: not an admin, no header, no reason, no mode — nothing changes
    refused(await edict(['system', 'disable', '--mode', 'fail-open', '--reason', 'Emergency bypass'], ['oncall'], 'dave'), 'AUTH.ROLE_REQUIRED', 5);
    const noHeader = await raw('/v1/system/disable', ['admin'], { mode: 'fail-open', reason: 'Emergency bypass' });
    expect(noHeader).toMatchObject({ status: 403, type: expect.stringMatching(/^application\/problem\+json/), body: { code: 'SYSTEM.OVERRIDE_HEADER_REQUIRED' } });
    const noReason = await raw('/v1/system/disable', ['admin'], { mode: 'fail-open' }, { 'x-emergency-override': 'true' });
    expect(noReason).toMatchObject({ status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
    const badMode = await raw('/v1/system/disable', ['admin'], { mode: 'off', reason: 'Emergency bypass' }, { 'x-emergency-override': 'true' });
    expect(badMode.status).toBe(400);
    const unknown = await raw('/v1/system/disable', ['admin'], { mode: 'fail-open', reason: 'Emergency bypass', policies: ['org/never-rolled-out'] }, { 'x-emergency-override': 'true' });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'SYSTEM.POLICY_UNKNOWN' } });
    expect(json(await edict(['system', 'status'], ['oncall']))).toMatchObject({ disabled: 0 });
    expect((await status()).revision).toBe(before);

    // step 1: bypass the policy system (admin; the CLI sends X-Emergency-Override: true)
    expect(json(await edict(['system', 'disable', '--mode', 'fail-open', '--reason', 'Emergency bypass'], ['admin'], 'root'))).toMatchObject({ changed: [POLICY] });
    // step 2: check: every policy disabled, decision points answer by the mode
    expect(json(await edict(['system', 'status'], ['oncall']))).toMatchObject({ disabled: 1, policies: [{ policyId: POLICY, killSwitch: { mode: 'fail-open', system: true, disabledBy: 'root' } }] });
    const bypassed = await eventually('the PDP to follow the kill switch', async () => {
      const out = await edict(['decide', '--policy', POLICY, '--subject', 'agent-1', '--agent', 'coder', '--action', 'network.connect', '--resource', 'evil.example.com'], ['platform']);
      const decided = out.code === 0 ? json<{ result: { effect: string } }>(out) : undefined;
      return decided?.result.effect === 'allow' ? decided : undefined;
    }, 60_000);
    expect(bypassed.result.effect).toBe('allow');
    // step 4: back to normal
    expect(json(await edict(['system', 'enable', '--reason', 'fixed forward'], ['admin'], 'root'))).toMatchObject({ changed: [POLICY] });
    expect(json(await edict(['system', 'status'], ['oncall']))).toMatchObject({ disabled: 0 });
  }, 300_000);

  it("a bundle's own schedule (spec.rollout: 5 → 25 → 100, autoPromote) is promoted by distribution as system:auto-promote", async () => {
    const source = readFileSync(join(root, 'examples/bundles/org/baseline.yaml'), 'utf8')
      .replace('policyId: org/baseline', `policyId: ${AUTO}`)
      .replace('version: 1.0.0', 'version: 2.0.0')
      .replace(/^spec:\n/m, 'spec:\n  rollout: { steps: [5, 25, 100], soakSeconds: 0, autoPromote: true }\n');
    const file = join(work, 'auto-promote.yaml');
    writeFileSync(file, source);
    const released = await releaseToCanary(client, file);
    expect(released.rollout.canary).toMatchObject({ version: '2.0.0', percentage: 5 });
    // a version of another policy is no rollback target for this one
    refused(await edict(['rollout', 'rollback', POLICY, '--reason', 'drill', '--to-version', '2.0.0'], ['oncall'], 'dave'), 'ROLLOUT.NOT_RELEASABLE', 4);

    const pypi: Ask = { policyId: AUTO, request: { agent: 'coder', action: 'network.connect', resource: 'pypi.org' } };
    for (const [share, next] of [[5, 25], [25, 100]] as const) {
      await pdpServesCanary(client, AUTO, '2.0.0', share);
      await nextWindowStart(WINDOW_MS); // the gates count windows that start after the step did
      const decided = await decideFor(client, subjectsInCohorts(AUTO, 0, share, GATE_MIN_DECISIONS + 5), pypi);
      expect(decided.every((d) => d.version === '2.0.0' && d.result.effect === 'allow')).toBe(true);
      const promoted = await eventually(`distribution to promote ${share}% → ${next}% on its own`, async () => {
        const entry = (await active()).find((p) => p.policyId === AUTO);
        return entry?.lastChange?.type === 'RolloutPromoted' && (next === 100 ? entry.stable?.version === '2.0.0' : entry.canary?.percentage === next) ? entry : undefined;
      }, 120_000);
      expect(promoted.lastChange).toEqual(expect.objectContaining({ type: 'RolloutPromoted', version: '2.0.0', by: 'system:auto-promote' }));
    }
    expect(await status(AUTO)).toMatchObject({ stable: { version: '2.0.0' }, canary: null });
  }, 400_000);
});
