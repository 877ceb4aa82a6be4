import { opaBundleError } from './opa-bundle-error';
import { compareUtf8 } from './utf8-order';

/** A parsed JSON value that keeps every number as its literal text (as Go's `json.Number` does). */
type Node = { readonly literal: string } | { readonly text: string } | readonly Node[] | ReadonlyMap<string, Node>;

const WHITESPACE = /[ \t\n\r]*/y;
// JSON.parse of the token then refuses raw control characters and bad escapes
const STRING = /"(?:[^"\\]|\\.)*"/y;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LITERAL = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null/y;

/**
 * The form OPA hashes a structured file (`.manifest`, `data.json`) in, from `v1/bundle/hash.go`:
 * objects as `{` key `:` value `,` … `}` with keys in byte order, arrays as `[` … `]`, strings and
 * keys re-encoded the way Go's encoding/json writes them (HTML left alone), numbers, booleans and
 * null as written in the file. Refuses text that is not exactly one JSON value (`OPA_BUNDLE.DATA_NOT_JSON`).
 */
export function opaHashForm(json: string): string {
  const parser = { text: json, at: 0 };
  const value = parseValue(parser);
  skip(parser, WHITESPACE);
  if (parser.at !== json.length) throw unreadable(parser.at);
  return encode(value);
}

function encode(node: Node): string {
  if (node instanceof Map) {
    const map = node as ReadonlyMap<string, Node>;
    return `{${[...map.keys()].sort(compareUtf8).map((key) => `${goString(key)}:${encode(map.get(key)!)}`).join(',')}}`;
  }
  if (Array.isArray(node)) return `[${(node as readonly Node[]).map(encode).join(',')}]`;
  return 'literal' in node ? node.literal : goString((node as { text: string }).text);
}

/** Go's encoding/json string form: like JSON.stringify, but U+2028/U+2029 escaped and lone surrogates replaced. */
export const goString = (value: string): string =>
  JSON.stringify(value.replace(LONE_SURROGATE, '\ufffd')).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

interface Parser { readonly text: string; at: number }

function parseValue(p: Parser): Node {
  skip(p, WHITESPACE);
  const c = p.text[p.at];
  if (c === '{') return parseObject(p);
  if (c === '[') return parseArray(p);
  if (c === '"') return { text: parseString(p) };
  return { literal: token(p, LITERAL) };
}

function parseObject(p: Parser): Node {
  const map = new Map<string, Node>();
  p.at++;
  if (peekAfterSpace(p) === '}') return (p.at++, map);
  for (;;) {
    skip(p, WHITESPACE);
    const key = parseString(p);
    if (peekAfterSpace(p) !== ':') throw unreadable(p.at);
    p.at++;
    map.set(key, parseValue(p)); // a repeated key: the last one wins, as in Go
    const next = peekAfterSpace(p);
    p.at++;
    if (next === '}') return map;
    if (next !== ',') throw unreadable(p.at - 1);
  }
}

function parseArray(p: Parser): Node {
  const items: Node[] = [];
  p.at++;
  if (peekAfterSpace(p) === ']') return (p.at++, items);
  for (;;) {
    items.push(parseValue(p));
    const next = peekAfterSpace(p);
    p.at++;
    if (next === ']') return items;
    if (next !== ',') throw unreadable(p.at - 1);
  }
}

function parseString(p: Parser): string {
  const at = p.at;
  try {
    return JSON.parse(token(p, STRING)) as string;
  } catch {
    throw unreadable(at);
  }
}

function peekAfterSpace(p: Parser): string | undefined {
  skip(p, WHITESPACE);
  return p.text[p.at];
}

function skip(p: Parser, pattern: RegExp): void {
  pattern.lastIndex = p.at;
  if (pattern.test(p.text)) p.at = pattern.lastIndex;
}

function token(p: Parser, pattern: RegExp): string {
  pattern.lastIndex = p.at;
  const match = pattern.exec(p.text);
  if (!match) throw unreadable(p.at);
  p.at = pattern.lastIndex;
  return match[0];
}

const unreadable = (at: number): Error => opaBundleError('OPA_BUNDLE.DATA_NOT_JSON', `not JSON at offset ${at}`, { offset: at });
