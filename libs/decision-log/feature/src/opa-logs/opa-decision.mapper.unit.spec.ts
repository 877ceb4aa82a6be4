import { cohortOf } from '@edict/contracts';
import { maskDecision } from '@edict/decision-log-domain';
import { agentIdOf } from './agent-id';
import { decisionOfOpaEvent, policyOf } from './opa-decision.mapper';
import { parseOpaLogBatch, type OpaLogEvent } from './opa-log-event';
import { effectOf } from './opa-result.mapper';

const event = (over: Partial<OpaLogEvent> = {}): OpaLogEvent => ({
  labels: { id: 'e4fec517-54ca-4fb2-b737-8137f38c9678', version: '1.22.2' },
  decision_id: 'd-1',
  timestamp: '2026-12-01T10:00:00.123456789Z',
  path: 'edict/org/egress/deny',
  bundles: { 'org/egress': { revision: '1.0.0' } },
  input: { url: 'api.example.com', password: 'hunter2' },
  result: ['example domain blocked'],
  metrics: { timer_rego_query_eval_ns: 1500, timer_server_handler_ns: 9000 },
  ...over,
});

const never = (): boolean => false;

describe('OPA decision-log events as DecisionLogged', () => {
  it('maps the egress example: a non-empty deny set denies, with the agent as decision point and cohort key', () => {
    const d = decisionOfOpaEvent(event(), 'opa-7', (p, v) => p === 'org/egress' && v === '1.0.0');
    expect(d).toEqual({
      decisionId: 'd-1',
      timestamp: '2026-12-01T10:00:00.123Z',
      policyId: 'org/egress',
      version: '1.0.0',
      subject: 'opa-7',
      request: { agent: 'opa-7', action: 'edict/org/egress/deny', resource: 'api.example.com', context: { url: 'api.example.com', password: 'hunter2' } },
      result: { effect: 'deny', rule: 'deny', tier: null, reason: 'example domain blocked', noMatch: false },
      bundles: [{ policyId: 'org/egress', version: '1.0.0', cohort: cohortOf('org/egress', 'opa-7'), canary: true }],
      evaluationNs: 1500,
      source: 'opa',
      decisionPoint: 'opa-7',
    });
  });

  it('an empty deny set allows; input.subject, agent, action and resource are taken when present', () => {
    const d = decisionOfOpaEvent(event({ result: [], input: { subject: 'alice', agent: 'bot', action: 'GET', resource: 'pypi.org' } }), 'opa-7', never);
    expect(d?.result.effect).toBe('allow');
    expect(d?.subject).toBe('alice');
    expect(d?.request).toMatchObject({ agent: 'bot', action: 'GET', resource: 'pypi.org' });
    expect(d?.bundles[0]?.canary).toBe(false);
  });

  it('the default masking applies to the input (context): secrets read ***', () => {
    const d = decisionOfOpaEvent(event(), 'opa-7', never);
    if (!d) throw new Error('no decision');
    expect(maskDecision(d, []).request.context).toEqual({ url: 'api.example.com', password: '***' });
  });

  it('finds the policy by the longest bundle name under edict/, else from the path and the only bundle', () => {
    expect(policyOf({ path: 'edict/org/egress/deny', bundles: { org: { revision: '1' }, 'org/egress': { revision: '2' } } })).toEqual({ policyId: 'org/egress', version: '2' });
    expect(policyOf({ path: 'edict/teams/a/net/allow', bundles: { fleet: { revision: '3.1.0' } } })).toEqual({ policyId: 'teams/a/net', version: '3.1.0' });
    expect(policyOf({ path: 'edict/teams/a/net/deny' })).toEqual({ policyId: 'teams/a/net', version: null });
    expect(policyOf({ path: 'authz/allow', bundles: { authz: { revision: '1' } } })).toBeUndefined();
    expect(decisionOfOpaEvent(event({ path: 'authz/allow' }), 'opa-7', never)).toBeUndefined();
  });

  it('maps booleans, package objects, undefined decisions and errors to effects', () => {
    expect(effectOf('edict/p/allow', true, undefined).effect).toBe('allow');
    expect(effectOf('edict/p/allow', false, undefined).effect).toBe('deny');
    expect(effectOf('edict/p/deny', true, undefined).effect).toBe('deny');
    expect(effectOf('edict/p', { deny: ['no'], allow: true }, undefined)).toMatchObject({ effect: 'deny', reason: 'no' });
    expect(effectOf('edict/p', { deny: [] }, undefined).effect).toBe('allow');
    expect(effectOf('edict/p', { allow: true }, undefined).effect).toBe('allow');
    expect(effectOf('edict/p/allow', undefined, undefined)).toMatchObject({ effect: 'deny', noMatch: true });
    expect(effectOf('edict/p/allow', undefined, { code: 'eval_error', message: 'boom' })).toMatchObject({ effect: 'deny', error: { code: 'OPA.EVALUATION_ERROR', message: 'boom' } });
  });
});

describe('agentIdOf', () => {
  it('takes the x-edict-agent-id header, else the token subject; refuses a malformed header', () => {
    expect(agentIdOf('opa-eu-1', 'token-sub')).toBe('opa-eu-1');
    expect(agentIdOf(undefined, 'token-sub')).toBe('token-sub');
    expect(() => agentIdOf('bad id!', 'token-sub')).toThrow(expect.objectContaining({ code: 'OPA.AGENT_ID_INVALID', status: 400 }));
  });
});

describe('parseOpaLogBatch', () => {
  it('accepts an array of events', () => {
    expect(parseOpaLogBatch([event(), event({ decision_id: 'd-2' })])).toHaveLength(2);
  });

  it('refuses a body that is not an array', () => {
    expect(() => parseOpaLogBatch({ decision_id: 'x' })).toThrow(expect.objectContaining({ code: 'OPA_LOGS.NOT_AN_ARRAY', status: 400 }));
  });

  it('names the index and fields of the first invalid event', () => {
    const bad = { ...event(), labels: {}, timestamp: 'yesterday' };
    expect(() => parseOpaLogBatch([event(), bad])).toThrow(
      expect.objectContaining({ code: 'OPA_LOGS.EVENT_INVALID', details: { index: 1, fields: ['labels.id', 'timestamp'] } }),
    );
  });
});
