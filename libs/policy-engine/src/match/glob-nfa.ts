/**
 * Glob matching by simulating the pattern as an NFA over its tokens: time is
 * O(value length × pattern length) whatever the input, unlike a backtracking RegExp, which can
 * take exponential time on patterns with many stars. `*` matches any run without `/`, `**` any
 * run, `?` one character other than `/`.
 */
export type GlobToken = { readonly kind: 'literal'; readonly char: string } | { readonly kind: 'star' | 'globstar' | 'one' };

/** Splits a glob into tokens. */
export function tokenizeGlob(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      tokens.push({ kind: 'globstar' });
      while (pattern[i + 1] === '*') i++;
    } else if (ch === '*') tokens.push({ kind: 'star' });
    else if (ch === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'literal', char: ch });
  }
  return tokens;
}

/** True when the whole value matches the tokens. */
export function nfaMatch(tokens: readonly GlobToken[], value: string): boolean {
  const n = tokens.length;
  let states = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  const close = (set: Uint8Array): void => {
    // a star may match the empty run: being before it means being after it too
    for (let i = 0; i < n; i++) if (set[i] && tokens[i]!.kind !== 'literal' && tokens[i]!.kind !== 'one') set[i + 1] = 1;
  };
  states[0] = 1;
  close(states);
  for (let c = 0; c < value.length; c++) {
    const ch = value[c]!;
    next.fill(0);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!states[i]) continue;
      const t = tokens[i]!;
      let to = -1;
      if (t.kind === 'literal') to = t.char === ch ? i + 1 : -1;
      else if (t.kind === 'one') to = ch !== '/' ? i + 1 : -1;
      else to = t.kind === 'globstar' || ch !== '/' ? i : -1;
      if (to >= 0) {
        next[to] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    [states, next] = [next, states];
  }
  return states[n] === 1;
}
