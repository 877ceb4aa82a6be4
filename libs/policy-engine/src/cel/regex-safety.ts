/**
 * Why a regular expression is unsafe to run on request data, or null when it is safe enough.
 * CEL's `matches` runs on JavaScript's backtracking engine here (CEL specifies RE2), so
 * patterns that can backtrack exponentially are refused: a quantified group that itself
 * contains a quantifier (`(a+)+`, `(a|b*)*`), and back-references.
 */
export function regexUnsafeReason(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message}`;
  }
  const groups: boolean[] = [];
  let sawQuantifier = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return 'back-references are not supported';
      i++;
      continue;
    }
    if (ch === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      continue;
    }
    if (ch === '(') {
      groups.push(sawQuantifier);
      sawQuantifier = false;
    } else if (ch === ')') {
      const inner: boolean = sawQuantifier;
      sawQuantifier = (groups.pop() ?? false) || inner;
      if (inner && /[*+?{]/.test(pattern[i + 1] ?? '')) return 'a quantified group contains a quantifier (exponential backtracking)';
    } else if (ch === '*' || ch === '+' || ch === '{') sawQuantifier = true;
  }
  return null;
}
