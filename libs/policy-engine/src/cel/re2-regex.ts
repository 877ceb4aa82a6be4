import { RE2JS } from 're2js';

/** A compiled RE2 pattern: `test` finds a match anywhere in the text (CEL `matches`). */
export interface Re2Regex {
  readonly test: (text: string) => boolean;
}

export type Re2CompileResult = { readonly ok: true; readonly regex: Re2Regex } | { readonly ok: false; readonly reason: string };

/**
 * Compiles a pattern with RE2 semantics on re2js, a linear-time engine: no back-references or
 * lookaround, and no input makes it backtrack. Never throws.
 */
export function compileRe2(pattern: string): Re2CompileResult {
  try {
    const re = RE2JS.compile(pattern);
    return { ok: true, regex: { test: (text) => re.matcher(text).find() } };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

const MAX_CACHED = 256;
const cache = new Map<string, Re2Regex>();

/**
 * The compiled regex of a pattern met at evaluation time, cached (a bundle's literal patterns
 * are few; the cache is bounded so that computed patterns cannot grow it). Throws when RE2
 * refuses the pattern: the condition fails with an evaluation error.
 */
export function re2ForEvaluation(pattern: string): Re2Regex {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const compiled = compileRe2(pattern);
  if (!compiled.ok) throw new Error(`invalid RE2 pattern ${JSON.stringify(pattern)}: ${compiled.reason}`);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(pattern, compiled.regex);
  return compiled.regex;
}
