import type { ASTNode } from '@marcbachmann/cel-js';
import { BACKTICK_FIELD_PREFIX } from './normalize-cel-source';

// A macro as cel-js's parser attaches it to a `has(...)` call node (`meta.macro`).
interface HasMacro {
  readonly args: readonly ParsedNode[];
  typeCheck: (checker: Checker, macro: HasMacro & { macroHasProps?: ParsedNode[] }, ctx: unknown) => unknown;
}
interface Checker {
  check(node: ParsedNode, ctx: unknown): unknown;
  getType(name: string): unknown;
  createError(code: string, message: string, node: ParsedNode): Error;
}
interface ParsedNode {
  readonly op: string;
  readonly args: unknown;
  readonly meta?: { readonly macro?: HasMacro };
}

const isNode = (value: unknown): value is ParsedNode => typeof value === 'object' && value !== null && 'op' in value && 'args' in value;
const decodeHex = (hex: string): string => new TextDecoder().decode(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));

/**
 * `has(e.f)` on any expression `e` (cel-js wants a chain of fields from a variable), checked
 * the library's way: the fields are `e`'s, the result a bool; its own evaluation is kept.
 */
const hasTypeCheck: HasMacro['typeCheck'] = (checker, macro, ctx) => {
  let node = macro.args[0]!;
  if (node.op !== '.') throw checker.createError('invalid_macro_argument', 'has() invalid argument', node);
  if (!macro.macroHasProps) {
    const props: ParsedNode[] = [];
    while (node.op === '.' || node.op === '.?') {
      props.push(node);
      node = (node.args as [ParsedNode, string])[0];
    }
    checker.check(node, ctx);
    props.push(node);
    macro.macroHasProps = props;
  }
  return checker.getType('bool');
};

/** Fixes to a parsed AST before it is checked: backtick-quoted field names, `has()` on any expression. */
export function fixParsedAst(root: ASTNode): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    if ((value.op === '.' || value.op === '.?') && Array.isArray(value.args)) {
      const field = value.args[1] as string;
      if (field.startsWith(BACKTICK_FIELD_PREFIX)) value.args[1] = decodeHex(field.slice(BACKTICK_FIELD_PREFIX.length));
    }
    const macro = value.meta?.macro;
    if (value.op === 'call' && (value.args as unknown[])[0] === 'has' && macro) macro.typeCheck = hasTypeCheck;
    if (value.op !== 'value' && value.op !== 'id') visit(value.args);
  };
  visit(root);
}
