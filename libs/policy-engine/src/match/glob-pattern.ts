import { nfaMatch, tokenizeGlob } from './glob-nfa';

/** A compiled `match` field: exact, match-anything, or a glob. */
export interface Pattern {
  readonly source: string;
  /** no wildcard: compared with === */
  readonly exact: boolean;
  /** absent, `*` or `**`: matches every value */
  readonly any: boolean;
  /** the literal text before the first wildcard, and after the last */
  readonly prefix: string;
  readonly suffix: string;
  readonly test: (value: string) => boolean;
}

const WILDCARD = /[*?]/;
const ANY: Pattern = { source: '*', exact: false, any: true, prefix: '', suffix: '', test: () => true };

/**
 * Compiles a match pattern. A lone `*` (or `**`, or no pattern) matches anything; otherwise
 * `*` matches a run of characters without `/`, `**` any run, `?` one character other than `/`.
 * Patterns with at most two wildcards run as an anchored RegExp (bounded backtracking); more
 * run on the linear-time NFA.
 */
export function compilePattern(source: string | undefined): Pattern {
  if (source === undefined || source === '*' || source === '**') return ANY;
  if (!WILDCARD.test(source)) return { source, exact: true, any: false, prefix: source, suffix: source, test: (v) => v === source };
  const first = source.search(WILDCARD);
  let last = source.length - 1;
  while (!WILDCARD.test(source[last]!)) last--;
  const tokens = tokenizeGlob(source);
  const wildcards = tokens.filter((t) => t.kind !== 'literal').length;
  let test: (value: string) => boolean;
  if (wildcards <= 2) {
    const body = tokens
      .map((t) => (t.kind === 'literal' ? t.char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : t.kind === 'globstar' ? '[\\s\\S]*' : t.kind === 'star' ? '[^/]*' : '[^/]'))
      .join('');
    const regex = new RegExp(`^${body}$`);
    test = (v) => regex.test(v);
  } else test = (v) => nfaMatch(tokens, v);
  return { source, exact: false, any: false, prefix: source.slice(0, first), suffix: source.slice(last + 1), test };
}
