import { ValidationError } from '@edict/core';
import { maskDecision, pathRule } from '@edict/decision-log-domain';
import { decisionLogConfigFromEnv, maskRulesFrom } from './decision-log.config';

const decision = {
  decisionId: 'd-1', timestamp: '2025-03-01T10:00:30.000Z', policyId: 'org/x', version: '1.0.0', subject: 's',
  request: { agent: 'a', action: 'b', resource: 'r', context: { user: { email: 'a@b.c', name: 'A' }, password: 'p' } },
  result: { effect: 'allow' as const, rule: 'r1', tier: 'org', reason: 'ok', noMatch: false },
  bundles: [], evaluationNs: 1, source: 'pdp' as const, decisionPoint: 'p',
};

describe('decision-log configuration', () => {
  it('defaults to no configured mask paths, 60 s windows, 2 s of allowed lateness and 30 days of raw decisions, stored', () => {
    expect(decisionLogConfigFromEnv({})).toEqual({ maskRules: [], windowLengthMs: 60_000, allowedLatenessMs: 2000, retentionDays: 30, storeRaw: true, fastDecode: true });
  });

  it('reads EDICT_DECISION_STORE_RAW as true or false and refuses anything else', () => {
    expect(decisionLogConfigFromEnv({ EDICT_DECISION_STORE_RAW: 'false' })).toMatchObject({ storeRaw: false });
    expect(decisionLogConfigFromEnv({ EDICT_DECISION_STORE_RAW: ' TRUE ' })).toMatchObject({ storeRaw: true });
    expect(decisionLogConfigFromEnv({ EDICT_DECISION_STORE_RAW: '' })).toMatchObject({ storeRaw: true });
    expect(decisionLogConfigFromEnv({ EDICT_DECISION_FAST_DECODE: 'false' })).toMatchObject({ fastDecode: false });
    expect(() => decisionLogConfigFromEnv({ EDICT_DECISION_STORE_RAW: 'no' })).toThrow(expect.objectContaining({ code: 'DECISION_LOG.CONFIG_INVALID' }) as Error);
  });

  it('reads the retention in whole days', () => {
    expect(decisionLogConfigFromEnv({ EDICT_DECISION_RETENTION_DAYS: '7' })).toMatchObject({ retentionDays: 7 });
    expect(decisionLogConfigFromEnv({ EDICT_DECISION_RETENTION_DAYS: ' ' })).toMatchObject({ retentionDays: 30 });
  });

  it('reads comma-separated mask paths, trimming blanks and empty entries', () => {
    expect(maskRulesFrom(' context.user.email, ,resource,')).toEqual([pathRule('context.user.email'), pathRule('resource')]);
    expect(maskRulesFrom('')).toEqual([]);
    expect(maskRulesFrom(undefined)).toEqual([]);
  });

  it('yields rules that mask the configured paths and, always, the default secrets', () => {
    const { maskRules } = decisionLogConfigFromEnv({ EDICT_DECISION_MASK_PATHS: 'context.user.email' });
    expect(maskDecision(decision, maskRules).request.context).toEqual({ user: { email: '***', name: 'A' }, password: '***' });
  });

  it.each(['context', 'subject', 'context..x', 'request.context.user'])('refuses the mask path "%s", naming the variable', (path) => {
    expect(() => maskRulesFrom(`context.ok,${path}`)).toThrow(ValidationError);
    expect(() => maskRulesFrom(path)).toThrow(expect.objectContaining({ code: 'DECISION_LOG.CONFIG_INVALID', message: expect.stringMatching(/^EDICT_DECISION_MASK_PATHS: /) }));
  });

  it('reads the window length in seconds and the grace in ms', () => {
    expect(decisionLogConfigFromEnv({ EDICT_DECISION_WINDOW_SECONDS: '2', EDICT_DECISION_WINDOW_GRACE_MS: '0' })).toMatchObject({ windowLengthMs: 2000, allowedLatenessMs: 0 });
    expect(decisionLogConfigFromEnv({ EDICT_DECISION_WINDOW_SECONDS: '0.5', EDICT_DECISION_WINDOW_GRACE_MS: ' ' })).toMatchObject({ windowLengthMs: 500, allowedLatenessMs: 2000 });
  });

  it('reads the allowed lateness, which wins over the former grace', () => {
    expect(decisionLogConfigFromEnv({ EDICT_DECISION_ALLOWED_LATENESS_MS: '500', EDICT_DECISION_WINDOW_GRACE_MS: '9' })).toMatchObject({ allowedLatenessMs: 500 });
  });

  it.each([
    ['EDICT_DECISION_WINDOW_SECONDS', '0'],
    ['EDICT_DECISION_WINDOW_SECONDS', '-60'],
    ['EDICT_DECISION_WINDOW_SECONDS', 'a minute'],
    ['EDICT_DECISION_WINDOW_SECONDS', '0.0001'],
    ['EDICT_DECISION_WINDOW_GRACE_MS', '-1'],
    ['EDICT_DECISION_WINDOW_GRACE_MS', '1.5'],
    ['EDICT_DECISION_ALLOWED_LATENESS_MS', '-5'],
    ['EDICT_DECISION_RETENTION_DAYS', '0'],
    ['EDICT_DECISION_RETENTION_DAYS', '1.5'],
    ['EDICT_DECISION_RETENTION_DAYS', 'a month'],
  ])('refuses %s=%s with DECISION_LOG.CONFIG_INVALID', (name, value) => {
    expect(() => decisionLogConfigFromEnv({ [name]: value })).toThrow(expect.objectContaining({ code: 'DECISION_LOG.CONFIG_INVALID', message: expect.stringContaining(name) }));
  });
});
