import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseTopics } from '@edict/contracts';
import { askPdpUntilVersion, eventually, people, repoRoot, shipBundle, StackClient, startStack, uniqueName, type Decision, type Stack } from '@edict/testing';
import { TopicRecorder } from './topic-recorder';

/** How long the exception lives: real time, short, but long enough for approval and the push to reach the PDP on a loaded machine. */
const LIFETIME_MS = 12_000;

interface ExceptionAnswer {
  readonly exceptionId: string;
  readonly status: string;
  readonly active: boolean;
  readonly expiresAt: string;
  readonly approvedBy?: string;
  readonly code?: string;
}

/**
 * Exceptions that expire (issue 12 §1), against every service as its own process: alice requests a
 * waiver of org/baseline's `deny-high-risk` for `repos/alpha/*`, expiring in 12 s; she cannot approve
 * it herself; bob (security) approves; the PDP then allows a high-risk read of repos/alpha/web citing
 * EXC-001 (and the decision on edict.decisions.v1 records it) while repos/beta/web stays denied; after
 * the expiry the PDP denies again, and authoring's expiry job has recorded ExceptionExpired.
 */
describe('exceptions', () => {
  const root = repoRoot();
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
  const databaseUrl = process.env['DATABASE_URL'] ?? '';
  const recorder = new TopicRecorder();
  const prefix = `${uniqueName('e2e')}.`;
  const schema = uniqueName('e2e').replace(/-/g, '_');
  const logDir = mkdtempSync(join(tmpdir(), 'edict-e2e-'));
  let stack: Stack;
  let client: StackClient;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    stack = await startStack({
      kafkaBrokers: brokers, databaseUrl, schema, logDir,
      env: { EDICT_TOPIC_PREFIX: prefix, EDICT_GATE_MIN_DECISIONS: '0', EDICT_GATE_SOAK_SECONDS: '0', EDICT_PDP_NAME: uniqueName('pdp'), EDICT_EXCEPTION_EXPIRY_SCAN_MS: '500' },
    });
    client = new StackClient(stack.env);
    await recorder.start(brokers, uniqueName('e2e-recorder'), [`${prefix}${BaseTopics.decisions}`, `${prefix}${BaseTopics.exceptions}`]);
  }, 240_000);

  afterAll(async () => {
    await recorder.stop();
    await stack?.stop();
  }, 60_000);

  const highRisk = (resource: string) => ({ policyId: 'org/baseline', subject: 'agent-9', request: { agent: 'coder', action: 'repo.read', resource, context: { risk_score: 95 } } });
  const ask = async (resource: string): Promise<Decision> => {
    const answer = await client.as('svc-web', ['platform']).call<Decision>('pdp', 'POST', '/v1/decisions', highRisk(resource));
    if (answer.status !== 200) throw new Error(`PDP answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  it('applies an approved exception until its expiry, then denies again and records ExceptionExpired', async () => {
    await shipBundle(client, join(root, 'examples/bundles/org/baseline.yaml'));
    expect((await askPdpUntilVersion(client, highRisk('repos/alpha/web'), '1.0.0')).result).toMatchObject({ effect: 'deny', rule: 'deny-high-risk' });

    const alice = client.as(people.alice.subject, [...people.alice.roles]);
    const bob = client.as(people.bob.subject, [...people.bob.roles]);
    const request = { policyId: 'org/baseline', ruleId: 'deny-high-risk', resource: 'repos/alpha/*', justification: 'risk scorer misfires on alpha', ticket: 'SEC-1234' };
    const tooLong = await alice.call<ExceptionAnswer>('authoring', 'POST', '/v1/exceptions', { ...request, expiresAt: new Date(Date.now() + 31 * 86_400_000).toISOString() });
    expect({ status: tooLong.status, code: tooLong.body.code }).toEqual({ status: 400, code: 'EXCEPTION.EXPIRY_TOO_FAR' });
    const noRule = await alice.call<ExceptionAnswer>('authoring', 'POST', '/v1/exceptions', { ...request, ruleId: 'no-such-rule', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect({ status: noRule.status, code: noRule.body.code }).toEqual({ status: 422, code: 'EXCEPTION.RULE_NOT_FOUND' });

    const requested = await alice.call<ExceptionAnswer>('authoring', 'POST', '/v1/exceptions', { ...request, expiresAt: new Date(Date.now() + LIFETIME_MS).toISOString() });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ exceptionId: 'EXC-001', status: 'requested', active: false });
    const expiresAt = Date.parse(requested.body.expiresAt);
    const self = await alice.call<ExceptionAnswer>('authoring', 'POST', '/v1/exceptions/EXC-001/approve', {});
    expect({ status: self.status, code: self.body.code }).toEqual({ status: 403, code: 'EXCEPTION.SELF_APPROVAL' });
    const approved = await bob.call<ExceptionAnswer>('authoring', 'POST', '/v1/exceptions/EXC-001/approve', {});
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'bob', active: true });

    const allowed = await eventually('the PDP to apply EXC-001', async () => {
      const decision = await ask('repos/alpha/web');
      return decision.result.effect === 'allow' ? decision : undefined;
    }, LIFETIME_MS);
    expect(allowed.result).toMatchObject({ effect: 'allow', rule: 'allow-repo-read', exception: 'EXC-001' });
    expect(Date.parse(allowed.timestamp)).toBeLessThan(expiresAt);
    const outside = await ask('repos/beta/web');
    expect(outside.result).toMatchObject({ effect: 'deny', rule: 'deny-high-risk' });
    expect(outside.result.exception).toBeUndefined();
    const logged = await eventually('the allowed decision on edict.decisions.v1', () => Promise.resolve(recorder.events.get(allowed.decisionId)));
    expect(logged.event.data?.['result']).toMatchObject({ effect: 'allow', exception: 'EXC-001' });

    const reviewer = client.as('erin', ['auditor']);
    const expiring = await reviewer.call<{ items: ExceptionAnswer[] }>('authoring', 'GET', '/v1/exceptions?expiring=7d');
    expect(expiring.body.items.map((e) => e.exceptionId)).toEqual(['EXC-001']);

    const deniedAgain = await eventually('the PDP to deny once EXC-001 expired', async () => {
      const decision = await ask('repos/alpha/web');
      return decision.result.effect === 'deny' ? decision : undefined;
    }, LIFETIME_MS + 30_000);
    expect(deniedAgain.result).toMatchObject({ effect: 'deny', rule: 'deny-high-risk' });
    expect(deniedAgain.result.exception).toBeUndefined();
    expect(Date.parse(deniedAgain.timestamp)).toBeGreaterThanOrEqual(expiresAt);

    const expired = await eventually('ExceptionExpired on edict.exceptions.v1', () =>
      Promise.resolve(recorder.ofType('io.edict.exception.expired.v1').find((e) => e.event.data?.['exceptionId'] === 'EXC-001')));
    expect(Date.parse(String(expired.event.data?.['expiredAt']))).toBeGreaterThanOrEqual(expiresAt);
    const shown = await reviewer.call<ExceptionAnswer>('authoring', 'GET', '/v1/exceptions/EXC-001');
    expect(shown.body).toMatchObject({ status: 'expired', active: false });
  }, 240_000);
});
