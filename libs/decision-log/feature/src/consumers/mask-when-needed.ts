import type { DecisionLogged } from '@edict/contracts';
import { assertMaskablePath, defaultMaskRules, maskDecision, type MaskRule } from '@edict/decision-log-domain';

type Decision = DecisionLogged['data'];

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The masker's normal form of a key (mask-rule.ts): lower-case, without `_` and `-`. */
const normalize = (key: string): string => key.toLowerCase().replace(/[-_]/g, '');

/** Whether a value at or under `path` exists (maskAtPath would write the mask there). */
const reaches = (value: unknown, path: readonly string[], at = 0): boolean => {
  const head = path[at];
  if (head === undefined) return true;
  if (Array.isArray(value)) return value.some((item, i) => (head === '*' || head === String(i)) && reaches(item, path, at + 1));
  if (isRecord(value)) return Object.keys(value).some((k) => (head === '*' || head === k) && reaches(value[k], path, at + 1));
  return false;
};

/**
 * maskDecision(decision, rules), called only for a decision it could change: one walk of the
 * request without building anything tells whether a key rule (the default secrets and the
 * configured ones) matches a key under `request.context` or a path rule reaches a value; if none
 * does, maskDecision would return an equal copy, so the decision itself is returned. Most
 * decisions carry no secret, and maskDecision (a copy of the context, every key normalised once
 * per rule) was about a tenth of ingest's CPU. Key names are normalised once each and remembered.
 */
export function maskWhenNeeded(rules: readonly MaskRule[]): (decision: Decision) => Decision {
  const all = [...defaultMaskRules, ...rules];
  const names = all.flatMap((r) => (r.kind === 'key' ? [normalize(r.name)] : []));
  const paths = all.flatMap((r) => (r.kind === 'path' ? [r.path] : []));
  paths.forEach(assertMaskablePath); // what maskDecision checks on every call, once
  const seen = new Map<string, boolean>();
  const keyMasked = (key: string): boolean => {
    let hit = seen.get(key);
    if (hit === undefined) {
      const n = normalize(key);
      hit = names.some((name) => n.endsWith(name));
      if (seen.size < 10_000) seen.set(key, hit);
    }
    return hit;
  };
  const anyKeyMasked = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(anyKeyMasked);
    if (isRecord(value)) return Object.keys(value).some((k) => keyMasked(k) || anyKeyMasked(value[k]));
    return false;
  };
  return (decision) => {
    const request: unknown = decision.request;
    const needed = (names.length > 0 && isRecord(request) && anyKeyMasked(request['context'])) || paths.some((p) => reaches(request, p));
    return needed ? maskDecision(decision, rules) : decision;
  };
}
