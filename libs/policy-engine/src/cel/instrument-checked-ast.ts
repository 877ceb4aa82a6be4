import type { ASTNode } from '@marcbachmann/cel-js';
import { spendEvaluationBudget } from './evaluation-budget';
import { re2ForEvaluation } from './re2-regex';

// cel-js keeps what a node runs in fields set by its type checker: `handle` (the function a
// call or comprehension calls) and `meta.alternate` (the comprehension a macro expands to).
// The library has no hook for either, and refuses to re-register `matches`, so the checked
// AST is patched once, at compile time. The CEL unit tests (conformance, RE2, budget) pin it.
type Handle = (...args: unknown[]) => unknown;
interface CheckedNode {
  readonly op: string;
  readonly args: unknown;
  handle?: Handle;
  readonly meta?: { readonly alternate?: CheckedNode };
}

const isNode = (value: unknown): value is CheckedNode => typeof value === 'object' && value !== null && 'op' in value && 'args' in value;

function sizeOf(range: unknown): number {
  if (Array.isArray(range)) return range.length;
  if (range instanceof Map || range instanceof Set) return range.size;
  if (typeof range === 'object' && range !== null) return Object.keys(range).length;
  return 0;
}

/** `s.matches(p)` / `matches(s, p)` on RE2; the handle gets `[s, p]` either way. */
const re2Matches: Handle = (args) => {
  const [text, pattern] = args as [unknown, unknown];
  if (typeof text !== 'string' || typeof pattern !== 'string') throw new Error('found no matching overload for matches()');
  return re2ForEvaluation(pattern).test(text);
};

/** Makes a type-checked AST run `matches` on RE2 and charge comprehensions to the budget. */
export function instrumentCheckedAst(root: ASTNode): void {
  const seen = new Set<CheckedNode>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value) || seen.has(value)) return;
    seen.add(value);
    if (value.meta?.alternate) visit(value.meta.alternate);
    if ((value.op === 'rcall' || value.op === 'call') && (value.args as unknown[])[0] === 'matches' && value.handle) {
      value.handle = re2Matches;
    }
    if (value.op === 'comprehension' && value.handle) {
      const inner = value.handle;
      value.handle = (range, ...rest) => {
        spendEvaluationBudget(sizeOf(range));
        return inner(range, ...rest);
      };
      const { iterable, init, step } = value.args as Record<string, unknown>;
      [iterable, init, step].forEach(visit);
      return;
    }
    if (value.op !== 'value' && value.op !== 'id') visit(value.args);
  };
  visit(root);
}
