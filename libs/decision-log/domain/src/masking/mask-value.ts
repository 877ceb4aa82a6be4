import { MASK } from './mask-rule';

type Json = unknown;

const isRecord = (value: Json): value is Readonly<Record<string, Json>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` with whatever sits at `path` replaced by the mask; paths that do not exist change nothing. */
export const maskAtPath = (value: Json, path: readonly string[]): Json => {
  const [head, ...rest] = path;
  if (head === undefined) return MASK;
  const hit = (key: string): boolean => head === '*' || head === key;
  if (Array.isArray(value)) return value.map((item: Json, i) => (hit(String(i)) ? maskAtPath(item, rest) : item));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hit(k) ? maskAtPath(v, rest) : v]));
  return value;
};

/**
 * Whether maskKeys leaves `value` as it is: plain JSON (objects and arrays of the standard
 * prototypes, which is all a decision parsed from JSON holds) with no key that `matches`. Anything
 * else the walk would copy, as it always did: a Date or a class instance becomes a plain object.
 */
const untouched = (value: Json, matches: (key: string) => boolean): boolean => {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && value.every((item: Json) => untouched(item, matches));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const record = value as Readonly<Record<string, Json>>;
  for (const key of Object.keys(record)) if (matches(key) || !untouched(record[key], matches)) return false;
  return true;
};

/**
 * `value` with every key (at any depth) that `matches` replaced by the mask, whatever it held.
 * What holds nothing to mask is returned as it is, not copied (most decisions hold no secret).
 */
export const maskKeys = (value: Json, matches: (key: string) => boolean): Json => {
  if (untouched(value, matches)) return value;
  if (Array.isArray(value)) return value.map((item: Json) => maskKeys(item, matches));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, matches(k) ? MASK : maskKeys(v, matches)]));
  }
  return value;
};
