/** The prefix of the identifier a backtick-quoted field name is encoded in (hex of its UTF-8). */
export const BACKTICK_FIELD_PREFIX = '__edict_bt_';

const IDENT = /[A-Za-z0-9_]/;
const utf8Hex = (text: string): string[] => [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0'));
const hexEscapes = (text: string): string => utf8Hex(text).map((h) => `\\x${h}`).join('');
const NON_ASCII = /\P{ASCII}/gu;

/** The end (exclusive) of the string literal whose quote starts at `q`, and whether it is raw. */
function stringEnd(source: string, q: number, raw: boolean): number {
  const quote = source.startsWith(source[q]!.repeat(3), q) ? source[q]!.repeat(3) : source[q]!;
  let i = q + quote.length;
  while (i < source.length) {
    if (!raw && source[i] === '\\') i += 2;
    else if (source.startsWith(quote, i)) return i + quote.length;
    else i++;
  }
  return source.length;
}


/**
 * CEL syntax cel-js does not parse, rewritten before parsing into syntax it does, with the same
 * meaning (the source is returned unchanged when it has none of it):
 * - a double literal without a leading digit (`.99`) gets one (`0.99`);
 * - a backtick-quoted field (`` m.`content-type` ``) becomes an identifier that encodes the name
 *   (`m.__edict_bt_<hex>`), decoded again in the parsed AST (fix-parsed-ast.ts);
 * - bytes literals are written with `\x` escapes where cel-js reads them differently: raw bytes
 *   (`br'\a'`, which it does not parse) and non-ASCII characters (CEL takes their UTF-8 bytes).
 */

export function normalizeCelSource(source: string): string {
  if (!/[.`]|[bB][rR]?['"]|[rR][bB]['"]/.test(source)) return source;
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const prefix = /^([rR]?[bB]?|[bB][rR])(?=['"])/.exec(source.slice(i, i + 3));
    if (prefix && (i === 0 || !IDENT.test(source[i - 1]!))) {
      const p = prefix[1]!.toLowerCase();
      const q = i + p.length;
      const end = stringEnd(source, q, p.includes('r'));
      const quoteLength = source.startsWith(source[q]!.repeat(3), q) ? 3 : 1;
      const quote = source.slice(q, q + quoteLength);
      const body = source.slice(q + quoteLength, end - quoteLength);
      if (p === 'b') out += `b${quote}${body.replace(NON_ASCII, hexEscapes)}${quote}`;
      else if (p.includes('b')) out += `b"${hexEscapes(body)}"`;
      else out += source.slice(i, end);
      i = end;
    } else if (c === '.' && /[0-9]/.test(source[i + 1] ?? '') && !/[A-Za-z0-9_)\]}]/.test(out.trimEnd().slice(-1))) {
      out += '0.';
      i++;
    } else if (c === '.' && /^\.\s*`/.test(source.slice(i))) {
      const open = source.indexOf('`', i);
      const close = source.indexOf('`', open + 1);
      if (close < 0) return source;
      out += `.${BACKTICK_FIELD_PREFIX}${utf8Hex(source.slice(open + 1, close)).join('')}`;
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
