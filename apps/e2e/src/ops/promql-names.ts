/** The metric names a PromQL expression reads: plain names, and `{__name__=~"…"}` patterns. */
export interface PromqlNames {
  readonly names: readonly string[];
  /** anchored regular expressions (PromQL's `=~` is fully anchored) */
  readonly patterns: readonly string[];
}

const KEYWORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'inf', 'nan', 'atan2']);
const LABEL_LISTS = /\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g;

/**
 * Reads the metric names out of an expression, for checking them against what services export.
 * Not a PromQL parser: it drops strings, selectors' label matchers, label lists, ranges and
 * Grafana variables, then takes every identifier that is not a function call or a keyword.
 * `label_values(metric, label)` (a Grafana variable query) names its metric.
 */
export function promqlNames(expr: string): PromqlNames {
  const patterns: string[] = [];
  let rest = expr.replace(/label_values\(\s*([a-zA-Z_:][\w:]*)\s*,[^)]*\)/g, ' $1 ');
  rest = rest.replace(/\{([^}]*)\}/g, (_all, matchers: string) => {
    for (const m of matchers.matchAll(/__name__\s*(=~|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
      const value = (m[2] ?? '').replace(/\\\\/g, '\\');
      patterns.push(m[1] === '=' ? escapeRegex(value) : value);
    }
    return ' ';
  });
  rest = rest.replace(/"(?:[^"\\]|\\.)*"/g, ' ').replace(LABEL_LISTS, ' ').replace(/\[[^\]]*\]/g, ' ').replace(/\$\{?\w+\}?/g, ' ');
  const names = new Set<string>();
  for (const m of rest.matchAll(/(?<![\w.])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    const name = m[1] ?? '';
    if (m[2] || KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return { names: [...names].sort(), patterns };
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Names a scrape exposes: each `# TYPE` family, with `_bucket`, `_sum`, `_count` for histograms and summaries. */
export function exposedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const m of exposition.matchAll(/^# TYPE (\S+) (\w+)$/gm)) {
    const [, name = '', type] = m;
    names.add(name);
    if (type === 'histogram') ['_bucket', '_sum', '_count'].forEach((s) => names.add(name + s));
    if (type === 'summary') ['_sum', '_count'].forEach((s) => names.add(name + s));
  }
  for (const m of exposition.matchAll(/^([a-zA-Z_:][\w:]*)[{ ]/gm)) names.add(m[1] ?? '');
  return names;
}
