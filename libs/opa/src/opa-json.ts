/** Narrowing helpers for the JSON `opa` prints: its shapes are checked, never assumed. */
export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export const objectsIn = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isObject) : []);

export const numberAt = (o: JsonObject | undefined, key: string): number | undefined => {
  const v = o?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

export const stringAt = (o: JsonObject | undefined, key: string): string | undefined => {
  const v = o?.[key];
  return typeof v === 'string' ? v : undefined;
};

export const objectAt = (o: JsonObject | undefined, key: string): JsonObject | undefined => {
  const v = o?.[key];
  return isObject(v) ? v : undefined;
};

/** The JSON document in `text`, or undefined when it is not one. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `file`, `line` and `column` of an OPA `location` (`{ file, row, col }`), file relative to the workspace. */
export function locationOf(o: JsonObject | undefined): { file?: string; line?: number; column?: number } {
  const location = objectAt(o, 'location');
  const file = stringAt(location, 'file');
  const line = numberAt(location, 'row');
  const column = numberAt(location, 'col');
  return {
    ...(file ? { file: workspaceRelative(file) } : {}),
    ...(line !== undefined && line > 0 ? { line } : {}),
    ...(column !== undefined && column > 0 ? { column } : {}),
  };
}

/** OPA prints paths as it was given them (`.` → `lib/p.rego`, sometimes `./lib/p.rego`). */
export const workspaceRelative = (file: string): string => file.replace(/^(\.\/)+/, '');
