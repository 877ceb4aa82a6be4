import type { DecisionLogged } from '@edict/contracts';

type Result = DecisionLogged['data']['result'];

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

const fromDenySet = (deny: readonly unknown[], rule: string): Result =>
  deny.length > 0
    ? { effect: 'deny', rule, tier: null, reason: deny.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))).join('; '), noMatch: false }
    : { effect: 'allow', rule: null, tier: null, reason: `${rule} is empty`, noMatch: false };

const fromBoolean = (value: boolean, rule: string, isDeny: boolean): Result => {
  const denied = isDeny ? value : !value;
  return { effect: denied ? 'deny' : 'allow', rule, tier: null, reason: `${rule} is ${String(value)}`, noMatch: false };
};

const noMatch = (reason: string): Result => ({ effect: 'deny', rule: null, tier: null, reason, noMatch: true });

/**
 * The effect of an OPA decision from its `result` and the queried `path`:
 * - a `deny` set (the result of querying `…/deny`, or the `deny` key of a package query): non-empty → deny
 *   (its messages are the reason), empty → allow;
 * - a boolean: `…/allow` (or any rule not named deny) true → allow, false → deny; `…/deny` true → deny;
 * - a package query (an object): `deny` as above if present, else `allow` if boolean;
 * - an evaluation error → deny with error `OPA.EVALUATION_ERROR`; no result (undefined decision) or
 *   anything else → deny with noMatch, like an Edict PDP with no matching rule (default deny).
 */
export function effectOf(path: string, result: unknown, error: unknown): Result {
  if (error !== undefined && error !== null) {
    const message = isObject(error) && typeof error['message'] === 'string' ? error['message'] : JSON.stringify(error);
    return { effect: 'deny', rule: null, tier: null, reason: 'OPA evaluation error', noMatch: false, error: { code: 'OPA.EVALUATION_ERROR', message } };
  }
  const rule = path.split('/').pop() ?? path;
  if (Array.isArray(result)) return fromDenySet(result, rule);
  if (typeof result === 'boolean') return fromBoolean(result, rule, rule === 'deny');
  if (isObject(result)) {
    if (Array.isArray(result['deny'])) return fromDenySet(result['deny'], 'deny');
    if (typeof result['allow'] === 'boolean') return fromBoolean(result['allow'], 'allow', false);
    return noMatch(`the result of ${path} has neither a deny set nor an allow boolean`);
  }
  if (result === undefined) return noMatch(`${path} is undefined`);
  return noMatch(`the result of ${path} is neither a deny set nor a boolean`);
}
