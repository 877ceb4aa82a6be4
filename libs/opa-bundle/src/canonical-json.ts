import { opaBundleError } from './opa-bundle-error';
import { compareUtf8 } from './utf8-order';

/**
 * Compact JSON with object keys in UTF-8 byte order, so the same value always gives the same
 * bytes. Refuses what JSON cannot carry (undefined, NaN, Infinity, functions, bigint, Dates and
 * other class instances) with `OPA_BUNDLE.DATA_NOT_JSON`, naming the path of the first offender.
 */
export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw notJson(path, String(value));
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item, i) => canonicalJson(item, `${path}[${i}]`)).join(',')}]`;
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort(compareUtf8)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], `${path}.${key}`)}`);
    return `{${entries.join(',')}}`;
  }
  throw notJson(path, typeof value === 'object' ? 'an object that is not plain data' : typeof value);
}

export const canonicalJsonBytes = (value: unknown, path = '$'): Buffer => Buffer.from(canonicalJson(value, path), 'utf8');

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function notJson(path: string, what: string): Error {
  return opaBundleError('OPA_BUNDLE.DATA_NOT_JSON', `${path} is ${what}, which JSON cannot carry`, { path });
}
