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

/** `value` with every key (at any depth) that `matches` replaced by the mask, whatever it held. */
export const maskKeys = (value: Json, matches: (key: string) => boolean): Json => {
  if (Array.isArray(value)) return value.map((item: Json) => maskKeys(item, matches));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, matches(k) ? MASK : maskKeys(v, matches)]));
  }
  return value;
};
