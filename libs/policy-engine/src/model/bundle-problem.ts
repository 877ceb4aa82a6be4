/** How bad a finding is: errors fail validation or lint; warnings and info are advice. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One thing wrong with a bundle. `path` is the JSONPath-like location in the document
 * (`spec.rules[3].when`); `line`/`column` (1-based) and `filename` are filled in when the
 * problem was found in, or located against, source text.
 */
export interface BundleProblem {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  readonly filename?: string;
}

/** An error-severity problem. */
export const problem = (code: string, message: string, path?: string): BundleProblem =>
  path === undefined ? { code, message, severity: 'error' } : { code, message, severity: 'error', path };

/** True when at least one problem is an error. */
export const hasErrors = (problems: readonly BundleProblem[]): boolean =>
  problems.some((p) => p.severity === 'error');
