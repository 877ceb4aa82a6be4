import type { Pattern } from './glob-pattern';

/**
 * True when every value `inner` matches is also matched by `outer`. Sound but incomplete:
 * false may mean "not proven", never a wrong true (lint and tighten-only rely on that).
 */
export function covers(outer: Pattern, inner: Pattern): boolean {
  if (outer.any) return true;
  if (inner.any) return false;
  if (inner.exact) return outer.test(inner.source);
  if (outer.exact) return false;
  if (outer.source === inner.source) return true;
  // `p**` matches every value starting with p, so it covers any glob whose literal prefix starts with p.
  const isPrefixGlobstar = outer.source === `${outer.prefix}**`;
  return isPrefixGlobstar && inner.prefix.startsWith(outer.prefix);
}

/**
 * True when some value may match both patterns. Sound the other way round: false means no
 * value can match both (their literal prefixes or suffixes disagree).
 */
export function mayOverlap(a: Pattern, b: Pattern): boolean {
  if (a.any || b.any) return true;
  if (a.exact && b.exact) return a.source === b.source;
  if (a.exact) return b.test(a.source);
  if (b.exact) return a.test(b.source);
  const prefixesAgree = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixesAgree = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  return prefixesAgree && suffixesAgree;
}
