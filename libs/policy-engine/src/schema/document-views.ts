/**
 * Defensive views of a document that may not have passed the schema: checks beyond the schema
 * (and lint) run on whatever parts have the expected shape, and skip the rest.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `spec` when the document has one. */
export const specOf = (document: unknown): Record<string, unknown> | undefined =>
  isRecord(document) && isRecord(document['spec']) ? document['spec'] : undefined;

/** The rules that are objects, each with its index in `spec.rules`. */
export function rulesOf(document: unknown): { rule: Record<string, unknown>; index: number }[] {
  const rules = specOf(document)?.['rules'];
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule: unknown, index) => (isRecord(rule) ? [{ rule, index }] : []));
}

/** `spec.settings.allowLists` entries whose value is an array. */
export function allowListsOf(document: unknown): [string, unknown[]][] {
  const settings = specOf(document)?.['settings'];
  const lists = isRecord(settings) ? settings['allowLists'] : undefined;
  if (!isRecord(lists)) return [];
  return Object.entries(lists).filter((e): e is [string, unknown[]] => Array.isArray(e[1]));
}
