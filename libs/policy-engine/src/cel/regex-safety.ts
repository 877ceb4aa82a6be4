import { compileRe2 } from './re2-regex';

/**
 * Why RE2 refuses a regular expression, or null when it compiles. CEL specifies RE2 and the
 * engine runs `matches` on re2js (linear time), so a pattern with back-references (`\1`),
 * lookaround (`(?=`, `(?<=`), possessive quantifiers or other syntax RE2 lacks is refused
 * here, when the bundle is validated, rather than failing on the first request.
 */
export function regexUnsupportedReason(pattern: string): string | null {
  const compiled = compileRe2(pattern);
  return compiled.ok ? null : `RE2 does not support this pattern (${compiled.reason}); CEL regular expressions are RE2: no back-references or lookaround`;
}
