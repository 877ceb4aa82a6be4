/** A `$.a.b[0]["c-d"]` path split into its keys and indexes, or undefined when it is not one. */
export function parsePath(path: string): (string | number)[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const keys: (string | number)[] = [];
  const token = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  token.lastIndex = 1;
  while (token.lastIndex < path.length) {
    const m = token.exec(path);
    if (!m) return undefined;
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else keys.push(JSON.parse(m[3] ?? '""') as string);
  }
  return keys;
}

/** The value at a path (undefined where the document has nothing there). */
export function readPath(value: unknown, keys: readonly (string | number)[]): unknown {
  let at: unknown = value;
  for (const key of keys) {
    if (typeof key === 'number') at = Array.isArray(at) ? at[key] : undefined;
    else at = typeof at === 'object' && at !== null && !Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

/** Whether a mapping field is a path (`$…`) rather than a literal. */
export const isPath = (field: string): boolean => field.startsWith('$');
