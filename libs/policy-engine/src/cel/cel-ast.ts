import type { ASTNode } from '@marcbachmann/cel-js';

/** The comprehension macros: each iterates over a list or map from the request. */
export const COMPREHENSIONS: ReadonlySet<string> = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

const isNode = (value: unknown): value is ASTNode =>
  typeof value === 'object' && value !== null && 'op' in value && 'args' in value;

/** The direct child nodes of an AST node, whatever its operator. */
export function childNodes(node: ASTNode): ASTNode[] {
  const out: ASTNode[] = [];
  const visit = (value: unknown): void => {
    if (isNode(value)) out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  if (node.op !== 'value' && node.op !== 'id') visit(node.args);
  return out;
}

/** A string literal's value, or undefined for any other node. */
export const stringLiteral = (node: ASTNode | undefined): string | undefined =>
  node?.op === 'value' && typeof node.args === 'string' ? node.args : undefined;

/**
 * The field path a select chain reads from a root variable: `context.user.role` and
 * `context["user"].role` give `['user', 'role']` for root `context`; undefined otherwise.
 */
export function selectPath(node: ASTNode, root: string): string[] | undefined {
  const path: string[] = [];
  let current: ASTNode = node;
  for (;;) {
    if (current.op === '.' || current.op === '.?') {
      path.unshift(current.args[1]);
      current = current.args[0];
    } else if (current.op === '[]' || current.op === '[?]') {
      const key = stringLiteral(current.args[1]);
      if (key === undefined) return undefined;
      path.unshift(key);
      current = current.args[0];
    } else break;
  }
  return current.op === 'id' && current.args === root && path.length > 0 ? path : undefined;
}
