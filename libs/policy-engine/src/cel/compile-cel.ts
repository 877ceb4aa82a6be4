import type { ASTNode, Environment } from '@marcbachmann/cel-js';
import { fixCheckedAst } from './fixes/fix-checked-ast';
import { fixParsedAst } from './fixes/fix-parsed-ast';
import { normalizeCelSource } from './fixes/normalize-cel-source';
import { instrumentCheckedAst } from './instrument-checked-ast';

/** A CEL expression parsed, type-checked and instrumented (RE2 `matches`, evaluation budget). */
export interface CompiledCel {
  readonly ast: ASTNode;
  /** the checked type, or 'dyn' when the check was skipped */
  readonly type: string;
  readonly evaluate: (activation: object) => unknown;
}

export type CompileCelResult = { readonly ok: true; readonly cel: CompiledCel } | { readonly ok: false; readonly stage: 'parse' | 'check'; readonly error: unknown };

/**
 * Parses and checks an expression in an environment. With `check: false` (conformance cases
 * that disable the checker) the library checks at each evaluation and nothing is instrumented.
 */
export function compileCel(env: Environment, source: string, options: { readonly check?: boolean } = {}): CompileCelResult {
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = env.parse(normalizeCelSource(source));
    fixParsedAst(parsed.ast);
  } catch (error) {
    return { ok: false, stage: 'parse', error };
  }
  if (options.check === false) return { ok: true, cel: { ast: parsed.ast, type: 'dyn', evaluate: parsed } };
  const checked = parsed.check();
  if (!checked.valid) return { ok: false, stage: 'check', error: checked.error };
  fixCheckedAst(parsed.ast);
  instrumentCheckedAst(parsed.ast);
  // The parsed function is used as is: no wrapper on the hot path.
  return { ok: true, cel: { ast: parsed.ast, type: checked.type ?? 'dyn', evaluate: parsed } };
}
