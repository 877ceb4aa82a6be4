import fc from 'fast-check';
import { keyRule, maskDecision, pathRule } from '@edict/decision-log-domain';
import { aDecision } from '@edict/testing';
import { maskWhenNeeded } from './mask-when-needed';

const withContext = (context: unknown) => aDecision({ request: { agent: 'a', action: 'b', resource: 'c', context: context as Record<string, unknown> } });

describe('maskWhenNeeded', () => {
  it('returns the decision itself when no rule applies', () => {
    const d = withContext({ risk: 3, user: { name: 'alice' }, items: [{ id: 1 }] });
    expect(maskWhenNeeded([pathRule('context.user.email')])(d)).toBe(d);
  });

  it('masks what maskDecision masks: default secrets at any depth, configured keys and paths', () => {
    const d = withContext({ user: { email: 'a@b.c' }, db: [{ DB_Password: 'p' }], ssn: '1' });
    const rules = [pathRule('context.user.email'), keyRule('ssn')];
    expect(maskWhenNeeded(rules)(d)).toEqual(maskDecision(d, rules));
    expect(maskWhenNeeded(rules)(d).request.context).toEqual({ user: { email: '***' }, db: [{ DB_Password: '***' }], ssn: '***' });
    expect(maskWhenNeeded([pathRule('resource')])(d).request.resource).toBe('***');
  });

  it('stores the same text as maskDecision for any context, with and without rules', () => {
    const key = fc.constantFrom('a', 'user', 'email', 'api-key', 'X_Token', 'list', '0', 'cost');
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
    })).value;
    const rules = fc.subarray([pathRule('context.user.email'), pathRule('context.list.*.email'), pathRule('context.list.0'), keyRule('cost'), pathRule('agent')]);
    fc.assert(fc.property(json, rules, (context, rs) => {
      const d = withContext(JSON.parse(JSON.stringify(context)) as unknown); // as decision-log gets it: parsed JSON
      expect(JSON.stringify(maskWhenNeeded(rs)(d))).toBe(JSON.stringify(maskDecision(d, rs)));
    }), { numRuns: 500 });
  });
});
