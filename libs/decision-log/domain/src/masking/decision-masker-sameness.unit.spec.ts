import fc from 'fast-check';
import { aDecision } from '@edict/testing';
import type { DecisionLogged } from '@edict/contracts';
import { maskDecision } from './decision-masker';
import { keyRule, pathRule, type MaskRule } from './mask-rule';

type Decision = DecisionLogged['data'];

// The masker as it was before it was compiled (a RegExp per key and name, a copy of every
// object): the reference the compiled one must agree with on every decision and rule set.
const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const normalize = (key: string): string => key.toLowerCase().replace(/[-_]/g, '');
const atPath = (value: unknown, path: readonly string[]): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return '***';
  const hit = (key: string): boolean => head === '*' || head === key;
  if (Array.isArray(value)) return value.map((item: unknown, i) => (hit(String(i)) ? atPath(item, rest) : item));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hit(k) ? atPath(v, rest) : v]));
  return value;
};
const keys = (value: unknown, matches: (key: string) => boolean): unknown => {
  if (Array.isArray(value)) return value.map((item: unknown) => keys(item, matches));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, matches(k) ? '***' : keys(v, matches)]));
  return value;
};
const reference = (decision: Decision, rules: readonly MaskRule[]): Decision => {
  const all = [...['password', 'secret', 'token', 'authorization', 'api_key'].map(keyRule), ...rules];
  const names = all.flatMap((r) => (r.kind === 'key' ? [r.name] : []));
  const request = decision.request as Readonly<Record<string, unknown>>;
  const keyed = request['context'] === undefined ? request : { ...request, context: keys(request['context'], (k) => names.some((n) => normalize(k).endsWith(normalize(n)))) };
  const masked = all.reduce((r, rule) => (rule.kind === 'path' ? (atPath(r, rule.path) as Readonly<Record<string, unknown>>) : r), keyed);
  return { ...decision, request: masked as Decision['request'] };
};

const key = fc.oneof(
  fc.constantFrom('password', 'db_password', 'Api-Key', 'apiKey', 'X-API-KEY', 'max_tokens', 'accessToken', 'Authorization', 'SECRET', 'ssn', 'SSN', 'user', 'email', 'a', '__proto__', 'Ä_token', ''),
  fc.string({ maxLength: 8 }),
);
// objects built from entries, as JSON.parse builds them (a "__proto__" key is an own property)
const { json } = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('json'), { maxLength: 4 }),
  object: fc.array(fc.tuple(key, tie('json')), { maxLength: 5 }).map((entries) => Object.fromEntries(entries)),
}));
const context = fc.array(fc.tuple(key, json), { maxLength: 6 }).map((entries) => Object.fromEntries(entries) as Record<string, unknown>);
const rules = fc.array(fc.oneof(
  fc.constantFrom('ssn', 'email', 'user', 'pass').map(keyRule),
  fc.constantFrom('context.user.email', 'context.*.token', 'context.a.*', 'context.user', 'context.*.*.1', 'resource', 'agent').map(pathRule),
), { maxLength: 4 });
const decisionWith = (ctx: Record<string, unknown> | undefined): Decision =>
  aDecision({ request: { agent: 'a', action: 'b', resource: 'c', ...(ctx === undefined ? {} : { context: ctx }) } });

describe('maskDecision is the masker it replaced', () => {
  it('masks every decision and rule set exactly as the reference: same values, same key order', () => {
    fc.assert(fc.property(fc.option(context, { nil: undefined }), rules, (ctx, ruleSet) => {
      const decision = decisionWith(ctx);
      const masked = maskDecision(decision, ruleSet);
      const expected = reference(decision, ruleSet);
      expect(masked).toStrictEqual(expected);
      expect(JSON.stringify(masked)).toBe(JSON.stringify(expected));
    }), { numRuns: 3000 });
  });

  it('gives the same answers when one rule set masks many decisions (the compiled masker and its key cache reused)', () => {
    const ruleSet = [keyRule('ssn'), pathRule('context.user.email')];
    fc.assert(fc.property(context, (ctx) => {
      const decision = decisionWith(ctx);
      expect(maskDecision(decision, ruleSet)).toStrictEqual(reference(decision, ruleSet));
    }), { numRuns: 2000 });
  });

  it('turns values that are not plain JSON into plain objects as the reference does', () => {
    class Point { constructor(readonly x: number) {} }
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { n: 1 });
    const decision = decisionWith({ at: new Date(0), p: new Point(1), bare, list: [new Point(2)], ok: { n: 1 } });
    expect(maskDecision(decision, [])).toStrictEqual(reference(decision, []));
  });

  it('returns a decision with nothing to mask as it is, and copies only what holds a mask', () => {
    const clean = decisionWith({ user: { team: 't' }, tags: ['a'] });
    expect(maskDecision(clean, [])).toBe(clean);
    const secret = decisionWith({ user: { team: 't' }, db: { password: 'p' } });
    const masked = maskDecision(secret, []);
    expect(masked.request.context).toEqual({ user: { team: 't' }, db: { password: '***' } });
    expect(masked.request.context?.['user']).toBe(secret.request.context?.['user']);
    expect(secret.request.context?.['db']).toEqual({ password: 'p' });
  });
});
