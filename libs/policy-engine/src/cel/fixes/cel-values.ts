import { EvaluationError } from '@marcbachmann/cel-js';

const MAX_INT = 9223372036854775807n;
const MIN_INT = -9223372036854775808n;
const TWO_63 = 9223372036854775808;
/** The range of a CEL timestamp (years 0001 to 9999), in milliseconds since the epoch. */
const MIN_TIMESTAMP_MS = -62135596800000;
const MAX_TIMESTAMP_MS = 253402300799999;

const fail = (message: string): never => {
  throw new EvaluationError(message);
};

/** An int result, or an overflow error outside int64. */
export const checkedInt = (v: bigint): bigint => (v > MAX_INT || v < MIN_INT ? fail('integer overflow') : v);

/** A double converted by int(): an error unless it lies strictly between -2^63 and 2^63. */
export const checkedIntOfDouble = (v: number): number => (v > -TWO_63 && v < TWO_63 ? v : fail('int() type error: integer overflow'));

/** A timestamp or duration result, or a range error (timestamps 0001-9999, durations within int64 nanoseconds). */
export function checkedTime(v: unknown): unknown {
  if (v instanceof Date) {
    const ms = v.getTime();
    return ms >= MIN_TIMESTAMP_MS && ms <= MAX_TIMESTAMP_MS ? v : fail('timestamp out of range');
  }
  const d = v as { seconds?: unknown; nanos?: unknown };
  if (typeof d?.seconds === 'bigint' && typeof d.nanos === 'number') checkedInt(d.seconds * 1_000_000_000n + BigInt(d.nanos));
  return v;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Bytes as a string, or an error when they are not valid UTF-8. */
export const utf8String = (b: Uint8Array): string => {
  try {
    return utf8.decode(b);
  } catch {
    return fail('invalid UTF-8 in bytes');
  }
};

/** A number of any CEL numeric type as bigint or number; undefined for other values. */
function numeric(v: unknown): bigint | number | undefined {
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && typeof (v as { valueOf(): unknown }).valueOf() === 'bigint' && 'value' in v) return (v as { value: bigint }).value;
  return undefined;
}

/** CEL equality of two numbers of any numeric types (int, uint, double), or undefined when either is not a number. */
export function numericEquals(a: unknown, b: unknown): boolean | undefined {
  const x = numeric(a);
  const y = numeric(b);
  if (x === undefined || y === undefined) return undefined;
  // bigint and number compare by value with ==
  return x == y;
}

/** CEL equality of lists and maps whose elements may be numbers of different types. */
export function deepCelEquals(a: unknown, b: unknown): boolean {
  const n = numericEquals(a, b);
  if (n !== undefined) return n;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepCelEquals(x, b[i]));
  if (a instanceof Map || b instanceof Map) {
    const ea = a instanceof Map ? [...a] : Object.entries(a as object);
    const eb = b instanceof Map ? [...b] : Object.entries(b as object);
    return ea.length === eb.length && ea.every(([k, v]) => eb.some(([k2, v2]) => deepCelEquals(k, k2) && deepCelEquals(v, v2)));
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && a.constructor === Object && b.constructor === Object) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepCelEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}
