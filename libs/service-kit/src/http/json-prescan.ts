import type { JsonBodyLimits } from './json-body-limits';

/** What the pre-scan refused, and where (a UTF-16 offset into the text). */
export type JsonScanFinding =
  | { readonly kind: 'too-deep'; readonly offset: number }
  | { readonly kind: 'too-many-members'; readonly offset: number }
  | { readonly kind: 'non-finite-number'; readonly offset: number; readonly literal: string };

const isNumberStart = (c: number): boolean => c === 0x2d || (c >= 0x30 && c <= 0x39); // '-' or a digit
const isNumberPart = (c: number): boolean => isNumberStart(c) || c === 0x2b || c === 0x2e || c === 0x45 || c === 0x65; // + . E e

/**
 * One linear, non-recursive pass over JSON text, outside strings: the nesting depth of `[`/`{`,
 * the members (keys and items: commas plus non-empty containers) and number literals that
 * overflow to ±Infinity (`1e400`, which JSON.parse turns into Infinity and JSON.stringify into
 * null). Stops at the first finding. Malformed text is left for JSON.parse to refuse.
 */
export function prescanJson(text: string, limits: JsonBodyLimits): JsonScanFinding | null {
  let depth = 0;
  let members = 0;
  let expectFirst = false; // just after an opening bracket: is the container empty?
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (expectFirst) {
      expectFirst = false;
      if (c !== 0x5d && c !== 0x7d && ++members > limits.maxMembers) return { kind: 'too-many-members', offset: i };
    }
    if (c === 0x22) {
      // a string: skip to its closing quote, over escapes
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limits.maxDepth) return { kind: 'too-deep', offset: i };
      expectFirst = true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (c === 0x2c) {
      if (++members > limits.maxMembers) return { kind: 'too-many-members', offset: i };
    } else if (isNumberStart(c)) {
      let end = i + 1;
      while (end < text.length && isNumberPart(text.charCodeAt(end))) end++;
      const literal = text.slice(i, end);
      // only long literals or exponents can overflow; malformed ones (NaN) are JSON.parse's to refuse
      if ((literal.length > 15 || /[eE]/.test(literal)) && Math.abs(Number(literal)) === Infinity) {
        return { kind: 'non-finite-number', offset: i, literal: literal.length > 40 ? `${literal.slice(0, 40)}…` : literal };
      }
      i = end - 1;
    }
  }
  return null;
}
