const SPACE_AND_COMMENTS = /(?:\s|#[^\n]*)*/y;
const KEYWORD = /package(?=[\s#])/y;
const SPACE = /[ \t]*/y;
const FIRST = /[A-Za-z_][A-Za-z0-9_]*/y;
const NEXT = /\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*("(?:[^"\\\n]|\\.)*")\s*\]/y;
const END = /[ \t]*(?:#[^\n]*)?(?:\r?\n|;|$)/y;

/**
 * The path of a Rego module's package, without the implicit `data` (`package edict.org["my-policy"]`
 * → `['edict', 'org', 'my-policy']`), read from the declaration that must open the module (after
 * comments). Undefined when the module does not start with a package declaration this reads:
 * identifiers joined by `.`, and `["string"]` segments.
 */
export function regoPackagePath(source: string): string[] | undefined {
  const cursor = { at: 0 };
  const match = (pattern: RegExp): RegExpExecArray | undefined => {
    pattern.lastIndex = cursor.at;
    const found = pattern.exec(source);
    if (found) cursor.at = pattern.lastIndex;
    return found ?? undefined;
  };
  match(SPACE_AND_COMMENTS);
  if (!match(KEYWORD)) return undefined;
  match(SPACE_AND_COMMENTS);
  const first = match(FIRST);
  if (!first) return undefined;
  const path = [first[0]];
  for (let next = match(NEXT); next; next = match(NEXT)) {
    const segment = next[1] ?? parseString(next[2]);
    if (segment === undefined) return undefined;
    path.push(segment);
  }
  match(SPACE);
  return match(END) ? path : undefined;
}

function parseString(literal: string | undefined): string | undefined {
  try {
    return literal === undefined ? undefined : (JSON.parse(literal) as string);
  } catch {
    return undefined;
  }
}
