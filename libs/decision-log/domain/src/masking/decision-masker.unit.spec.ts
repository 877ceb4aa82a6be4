import fc from 'fast-check';
import { ValidationError } from '@edict/core';
import { aDecision as decision } from '@edict/testing';
import { maskDecision } from './decision-masker';
import { keyRule, pathRule, type MaskRule } from './mask-rule';

const withContext = (context: Record<string, unknown>) => decision({ request: { agent: 'a', action: 'b', resource: 'c', context } });

describe('maskDecision', () => {
  it('masks configured context paths and leaves the rest', () => {
    const d = withContext({ user: { email: 'a@b.c', name: 'Alice' }, risk: 3 });
    expect(maskDecision(d, [pathRule('context.user.email')]).request.context).toEqual({ user: { email: '***', name: 'Alice' }, risk: 3 });
  });

  it('masks through arrays and wildcards', () => {
    const d = withContext({ users: [{ email: 'a@b.c' }, { email: 'd@e.f' }], ips: ['1.2.3.4', '5.6.7.8'] });
    const masked = maskDecision(d, [pathRule('context.users.*.email'), pathRule('context.ips.1')]);
    expect(masked.request.context).toEqual({ users: [{ email: '***' }, { email: '***' }], ips: ['1.2.3.4', '***'] });
  });

  it('replaces a whole subtree and the request strings', () => {
    const d = withContext({ card: { pan: '4111', exp: '12/29' } });
    const masked = maskDecision(d, [pathRule('context.card'), pathRule('resource')]);
    expect(masked.request).toEqual({ agent: 'a', action: 'b', resource: '***', context: { card: '***' } });
  });

  it('masks obvious secrets at any depth, whatever their case or spelling, with no rules configured', () => {
    const d = withContext({
      Password: 'p', headers: { Authorization: 'Bearer x', 'X-Api-Key': 'k' },
      db: [{ api_key: 'k', apiKey: 'k', client_secret: 's', accessToken: 't', port: 5432 }],
      max_tokens: 100,
    });
    expect(maskDecision(d, []).request.context).toEqual({
      Password: '***', headers: { Authorization: '***', 'X-Api-Key': '***' },
      db: [{ api_key: '***', apiKey: '***', client_secret: '***', accessToken: '***', port: 5432 }],
      max_tokens: 100,
    });
  });

  it('takes configured key rules too', () => {
    expect(maskDecision(withContext({ ssn: '123', nested: { SSN: '4' } }), [keyRule('ssn')]).request.context).toEqual({ ssn: '***', nested: { SSN: '***' } });
  });

  it('ignores paths that do not exist and decisions without context', () => {
    const bare = decision({ request: { agent: 'a', action: 'b', resource: 'c' } });
    expect(maskDecision(bare, [pathRule('context.user.email')])).toEqual(bare);
    const d = withContext({ user: 'alice' });
    expect(maskDecision(d, [pathRule('context.user.email')])).toEqual(d);
  });

  it('leaves everything outside the request alone and never modifies its input', () => {
    const d = withContext({ token: 't' });
    const copy = structuredClone(d);
    const masked = maskDecision(d, [pathRule('context.token')]);
    expect(d).toEqual(copy);
    expect({ ...masked, request: d.request }).toEqual(d);
  });

  it.each(['context', 'request.context.x', 'context..x', '', 'subject'])('refuses the path "%s"', (path) => {
    expect(() => pathRule(path)).toThrow(ValidationError);
  });

  it('refuses a path rule written as a literal that would break the shape', () => {
    const bad: MaskRule = { kind: 'path', path: ['context'] };
    expect(() => maskDecision(withContext({}), [bad])).toThrow(ValidationError);
  });

  it('keeps the shape: the same keys at every level, only leaves or subtrees replaced', () => {
    const json = fc.dictionary(fc.constantFrom('a', 'token', 'user', 'email'), fc.jsonValue({ maxDepth: 3 }));
    fc.assert(fc.property(json, (context) => {
      const masked = maskDecision(withContext(context), [pathRule('context.user.email')]);
      expect(Object.keys(masked.request.context ?? {}).sort()).toEqual(Object.keys(context).sort());
      expect(masked.request.context?.['token'] === undefined || masked.request.context['token'] === '***').toBe(true);
    }));
  });
});
