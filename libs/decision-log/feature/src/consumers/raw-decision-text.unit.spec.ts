import fc from 'fast-check';
import { keyRule, maskDecision, pathRule } from '@edict/decision-log-domain';
import { aDecision } from '@edict/testing';
import { maskWhenNeeded } from './mask-when-needed';
import { rawTextReusable } from './raw-decision-text';

describe('rawTextReusable', () => {
  const reusable = rawTextReusable([pathRule('context.user.email')]);

  it('takes the text of a decision with nothing to mask', () => {
    expect(reusable(JSON.stringify(aDecision({ request: { agent: 'a', action: 'b', resource: 'c', context: { risk: 3 } } })))).toBe(true);
  });

  it.each([
    ['a default secret in any spelling', '{"context":{"DB-Pass_Word":"x"}}'],
    ['the Kelvin sign, which the masker lower-cases to k', '{"context":{"to\u212Aen":"x"}}'],
    ['a path rule\'s key', '{"context":{"user":{"name":"a"}},"email":"x"}'],
    ['a backslash', '{"context":{"p\\u0061ssword":"x"}}'],
  ])('refuses a text holding %s', (_, json) => {
    expect(reusable(json)).toBe(false);
  });

  it('refuses every text under a rule on a request string or on every key of the context', () => {
    expect(rawTextReusable([pathRule('resource')])('{}')).toBe(false);
    expect(rawTextReusable([pathRule('context.*')])('{}')).toBe(false);
    expect(rawTextReusable([keyRule('ssn')])('{"context":{"s_sn":1}}')).toBe(false);
  });

  it('never takes a text whose decision masking changes, even with keys repeated', () => {
    const key = fc.constantFrom('context', 'user', 'email', 'token', 'Api-Key', 'risk', 'x');
    const text = fc.array(fc.tuple(key, fc.oneof(fc.string({ maxLength: 3 }), fc.dictionary(key, fc.string({ maxLength: 2 }), { maxKeys: 3 }))), { maxLength: 5 })
      .map((pairs) => `{"context":{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}}`);
    const rules = [pathRule('context.user.email')];
    fc.assert(fc.property(text, (json) => {
      const decision = aDecision({ request: { agent: 'a', action: 'b', resource: 'c', ...(JSON.parse(json) as object) } });
      const unchanged = maskWhenNeeded(rules)(decision) === decision;
      // what would be stored from the text must be what masking the text itself would store: a text whose
      // every repeated key were kept (here: the last) cannot hide a masked value from a reusable text
      if (unchanged && rawTextReusable(rules)(json)) expect(JSON.stringify(maskDecision(decision, rules).request)).toBe(JSON.stringify(decision.request));
      if (/token|api-?key|email/i.test(json)) expect(rawTextReusable(rules)(json)).toBe(false);
    }), { numRuns: 300 });
  });
});
