import { BoundedMemo } from '@edict/core';

/** Lower-case, without `_` and `-`: so `api_key`, `apiKey` and `API-KEY` are one name. */
export const normalizeKey = (key: string): string => key.toLowerCase().replace(/[-_]/g, '');

/** How many distinct key names a matcher remembers (past that it starts over). */
const REMEMBERED_KEYS = 10_000;

/**
 * `(key) => keyMatches(key, name)` (mask-rule.ts) for any of `names`, compiled once: the names normalised up
 * front, and each key's answer remembered (a context repeats a handful of key names decision
 * after decision, so the normalising RegExp runs once per distinct key, not per key and name).
 */
export function keyMatcher(names: readonly string[]): (key: string) => boolean {
  const normalized = names.map(normalizeKey);
  const seen = new BoundedMemo<string, boolean>(REMEMBERED_KEYS);
  const matches = (key: string): boolean => {
    const n = normalizeKey(key);
    return normalized.some((name) => n.endsWith(name));
  };
  return (key) => seen.get(key, matches);
}
