import { maskDecision } from '@edict/decision-log-domain';
import { aDecision } from '@edict/testing';
import { pdpMaskRulesFromEnv } from './pdp-mask.config';

describe('the PDP masking setting', () => {
  it('reads EDICT_DECISION_MASK_PATHS like decision-log, and the defaults always apply', () => {
    const rules = pdpMaskRulesFromEnv({ EDICT_DECISION_MASK_PATHS: ' context.customer.ssn , ,resource' });
    const decision = aDecision({ request: { agent: 'a', action: 'b', resource: 'db.internal', context: { customer: { ssn: '123', name: 'Al' }, db_password: 'hunter2' } } });
    expect(maskDecision(decision, rules).request).toEqual({ agent: 'a', action: 'b', resource: '***', context: { customer: { ssn: '***', name: 'Al' }, db_password: '***' } });
    expect(pdpMaskRulesFromEnv({})).toEqual([]);
  });

  it('refuses a path that would change the decision’s shape, naming the variable', () => {
    expect(() => pdpMaskRulesFromEnv({ EDICT_DECISION_MASK_PATHS: 'context' })).toThrow(expect.objectContaining({ code: 'PDP.CONFIG_INVALID', message: expect.stringMatching(/^EDICT_DECISION_MASK_PATHS: /) }));
  });
});
