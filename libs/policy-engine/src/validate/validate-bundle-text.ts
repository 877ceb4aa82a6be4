import type { BundleSource } from '../format/detect-format';
import { parseBundleText } from '../format/parse-bundle-text';
import type { Locator } from '../format/source-locator';
import type { BundleProblem } from '../model/bundle-problem';
import { validateBundleDocument } from './validate-bundle-document';

/** Problems, each with the file, line and column where it is written. */
export type TextValidation =
  | { readonly ok: true; readonly document: unknown; readonly problems: readonly BundleProblem[]; readonly locate: Locator }
  | { readonly ok: false; readonly problems: readonly BundleProblem[] };

/** Adds line, column and filename to problems that have a path. */
export function locateProblems<P extends BundleProblem>(problems: readonly P[], locate: Locator, source: BundleSource = {}): P[] {
  return problems.map((p) => ({ ...p, ...(p.path !== undefined && locate(p.path)), ...(source.filename !== undefined && { filename: source.filename }) }));
}

/**
 * Parses and validates bundle text in one step: syntax, size, schema, semantics and CEL, every
 * problem located in the source. `ok` is true when the bundle has no error (it compiles).
 */
export function validateBundleText(text: string, source: BundleSource = {}): TextValidation {
  const parsed = parseBundleText(text, source);
  if (!parsed.ok) return { ok: false, problems: parsed.errors };
  const problems = locateProblems(validateBundleDocument(parsed.document), parsed.locate, source);
  return problems.some((p) => p.severity === 'error')
    ? { ok: false, problems }
    : { ok: true, document: parsed.document, problems, locate: parsed.locate };
}
