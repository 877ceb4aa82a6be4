import type { PathSegments } from './document-path';

/** UTF-8 byte length of a string, without allocating the encoded bytes. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Where a value first nests deeper than a limit, or null when it stays within it. */
export function findTooDeep(value: unknown, maxDepth: number): PathSegments | null {
  // Iterative on purpose: a recursive walk would itself overflow the stack on hostile input.
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= maxDepth) return path;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else for (const [k, item] of Object.entries(v)) stack.push({ value: item, path: [...path, k] });
  }
  return null;
}

/** Where a value first holds a number that is not finite (YAML `.inf`/`.nan`, JSON `1e400`), or null. */
export function findNonFinite(value: unknown): PathSegments | null {
  // Iterative like findTooDeep; JSON.stringify would turn such a number into null, so a digest
  // or a replay would not see what was evaluated.
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'number' && !Number.isFinite(v)) return path;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else for (const [k, item] of Object.entries(v)) stack.push({ value: item, path: [...path, k] });
  }
  return null;
}

/**
 * Deepest nesting of `[` and `{` in JSON or YAML flow text, ignoring quoted strings and
 * comments; stops counting as soon as `limit` is passed. Run before parsing, because the YAML
 * parser recurses and very deep flow collections exhaust the stack or the heap.
 */
export function flowNestingExceeds(text: string, limit: number): { line: number; column: number } | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      // Quotes are closed at a line end too: an apostrophe in a plain YAML scalar (`don't`)
      // must not hide the rest of the file from the count. Over-counting is the safe side.
      quote = '';
      continue;
    }
    if (quote !== '') {
      if (quote === '"' && ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) quote = '#';
    else if (ch === '[' || ch === '{') {
      if (++depth > limit) return { line, column: i - lineStart + 1 };
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return null;
}
