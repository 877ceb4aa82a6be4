import type { ASTNode } from '@marcbachmann/cel-js';
import { Limits } from '../model/limits';
import { PolicyCodes } from '../model/problem-codes';
import { celEnvironment } from './cel-environment';
import { checkConditionAst } from './check-condition-ast';
import { compileCel } from './compile-cel';
import type { AstProblem } from './check-condition-ast';

/** The activation a condition runs against. */
export interface CelActivation {
  readonly request: unknown;
  readonly context: unknown;
  readonly settings: unknown;
}

/** A condition compiled once, when its bundle loads. Evaluating it may throw (an evaluation error). */
export interface CompiledCondition {
  readonly source: string;
  readonly ast: ASTNode;
  readonly evaluate: (activation: CelActivation) => unknown;
}

export type CompileConditionResult =
  | { readonly ok: true; readonly condition: CompiledCondition }
  | { readonly ok: false; readonly problems: readonly AstProblem[] };

/** Parses and type-checks a CEL condition; it must be a bool (or dyn, checked at evaluation). */
export function compileCondition(source: string): CompileConditionResult {
  if (source.length > Limits.maxConditionLength) {
    return fail(PolicyCodes.CEL_TOO_COMPLEX, `condition is ${source.length} characters; the limit is ${Limits.maxConditionLength}`);
  }
  const compiled = compileCel(celEnvironment, source);
  if (!compiled.ok) return fail(PolicyCodes.CEL_COMPILE_FAILED, celMessage(compiled.error));
  const { ast, type, evaluate } = compiled.cel;
  if (type !== 'bool' && type !== 'dyn') {
    return fail(PolicyCodes.CEL_NOT_BOOLEAN, `condition has type ${type}; it must be a bool`);
  }
  const problems = checkConditionAst(ast);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, condition: { source, ast, evaluate } };
}

const fail = (code: string, message: string): CompileConditionResult => ({ ok: false, problems: [{ code, message }] });

/** A CEL error as one line: what is wrong and at which character of the expression. */
export function celMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { summary?: string; range?: { start: number } };
  const summary = e.summary ?? e.message.split('\n')[0] ?? e.message;
  return e.range ? `${summary} (at character ${e.range.start + 1})` : summary;
}
