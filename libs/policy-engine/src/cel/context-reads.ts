import type { ASTNode } from '@marcbachmann/cel-js';
import { childNodes, selectPath } from './cel-ast';

/**
 * The context fields a condition reads, as paths: `context.user.role == "x" && has(context.ticket)`
 * gives `[['user', 'role'], ['ticket']]`. Only literal keys count; `context[k]` with a computed
 * key reads nothing that can be checked.
 */
export function contextReads(ast: ASTNode): string[][] {
  const reads: string[][] = [];
  const walk = (node: ASTNode): void => {
    const path = selectPath(node, 'context');
    if (path) reads.push(path);
    else for (const child of childNodes(node)) walk(child);
  };
  walk(ast);
  return reads;
}
