/**
 * The segments of a data ref as `opa inspect` prints a package (`data.edict.org.egress`,
 * `data.edict.org["my-policy"].tests`) without the leading `data`; undefined when it is not one.
 */
export function refSegments(ref: string): string[] | undefined {
  if (!ref.startsWith('data')) return undefined;
  const segments: string[] = [];
  const token = /\.([A-Za-z_][A-Za-z0-9_]*)|\[("(?:[^"\\]|\\.)*")\]/y;
  token.lastIndex = 'data'.length;
  while (token.lastIndex < ref.length) {
    const m = token.exec(ref);
    if (!m) return undefined;
    const quoted = m[2];
    segments.push(m[1] ?? (JSON.parse(quoted ?? '""') as string));
  }
  return segments;
}

/** Whether the package segments are the root (`edict/org/egress`) or below it. */
export function isUnderRoot(segments: readonly string[], root: string): boolean {
  const rootSegments = root.split('/');
  return segments.length >= rootSegments.length && rootSegments.every((s, i) => segments[i] === s);
}
