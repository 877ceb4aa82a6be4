/** Sorts a short key list in place by UTF-16 code units (what Array#sort's default does), without its generic machinery. */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    for (; j >= 0 && (keys[j] as string) > key; j--) keys[j + 1] = keys[j] as string;
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * RFC 8785 (JCS) canonical JSON of a plain JSON value (what JSON.parse returns, or what the
 * store's validator let through): the same text as `canonicalJson` from @edict/core, without
 * its per-property path strings and cycle bookkeeping, which made it the hot spot of hashing a
 * log of a million events. Keys sort by UTF-16 code units (Array#sort's default), scalars print
 * as JSON.stringify does (ECMAScript number form, JCS's string escaping). Inputs must not be
 * cyclic (JSON values never are); non-finite numbers are refused as JCS requires. As there,
 * an undefined property is left out and an undefined array element prints as null.
 */
export function plainCanonicalJson(value: unknown): string {
  // strings first: most values of an event are (JCS escapes them as JSON.stringify does)
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Non-finite number (${value}) is not permitted in JSON (RFC 8785 §3.2.2.3)`);
    return `${JSON.stringify(value)}`;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i ? ',' : ''}${value[i] === undefined ? 'null' : plainCanonicalJson(value[i])}`;
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = sortKeys(Object.keys(record));
  let out = '{';
  let next = false;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${next ? ',' : ''}${JSON.stringify(key)}:${plainCanonicalJson(item)}`;
    next = true;
  }
  return `${out}}`;
}
