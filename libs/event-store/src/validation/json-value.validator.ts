import { invalidEventStoreInput } from '../errors/event-store.errors';

// Postgres jsonb refuses \u0000, and lone surrogates are not Unicode text (RFC 8259 §8.2, I-JSON):
// refuse both up front so every adapter accepts exactly the same data.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const fail = (path: string, why: string): never => {
  throw invalidEventStoreInput(`${path} is not JSON: ${why}`, { path });
};

const checkString = (value: string, path: string): void => {
  if (value.includes('\u0000')) fail(path, 'contains U+0000');
  if (LONE_SURROGATE.test(value)) fail(path, 'contains a lone UTF-16 surrogate');
};

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Throws a ValidationError unless `value` is plain JSON data: null, booleans, finite numbers,
 * strings, arrays and plain objects, without cycles. `undefined` object properties are allowed and
 * dropped (as JSON.stringify does); anywhere else `undefined` is refused rather than turned into
 * null. Class instances (Date, Map, …) are refused: convert them to plain data first.
 */
export function assertJsonValue(value: unknown, path: string, ancestors: object[] = []): void {
  switch (typeof value) {
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(path, `${value} is not a finite number`);
      return;
    case 'string':
      return checkString(value, path);
    case 'object':
      if (value === null) return;
      if (ancestors.includes(value)) fail(path, 'it is circular');
      if (Array.isArray(value)) {
        value.forEach((item, i) => assertJsonValue(item, `${path}[${i}]`, [...ancestors, value]));
        return;
      }
      if (!isPlainObject(value)) fail(path, `${value.constructor?.name ?? 'object'} is not a plain object`);
      for (const [key, item] of Object.entries(value)) {
        checkString(key, `${path} key`);
        if (item !== undefined) assertJsonValue(item, `${path}.${key}`, [...ancestors, value]);
      }
      return;
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      return fail(path, `${typeof value} is not a JSON value`);
  }
}

/** The value as JSON will carry it (undefined properties dropped, -0 as 0): what adapters store. */
export const normalizeJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
