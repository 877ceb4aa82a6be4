import { lintBundle, locateProblems, validateBundleDocument, validateBundleText, type BundleProblem } from '@edict/policy-engine';
import { UnprocessableError } from '@edict/core';
import type { BundleDocumentDto } from '../http/bundle-document.dto';

const isError = (p: BundleProblem): boolean => p.severity === 'error';

const refuse = (problems: readonly BundleProblem[]): never => {
  const first = problems[0];
  const where = first?.line !== undefined ? `line ${first.line}, column ${first.column ?? 1}: ` : first?.path ? `${first.path}: ` : '';
  throw new UnprocessableError(
    'BUNDLE.INVALID_DOCUMENT',
    `the bundle has ${problems.length} error${problems.length === 1 ? '' : 's'} (first: ${where}${first?.message ?? 'unknown'}); nothing was stored`,
    { problems },
  );
};

/**
 * The fast checks of drafting and revising: schema, CEL compilation and lint, run before anything
 * is stored. Errors refuse the document (422 `BUNDLE.INVALID_DOCUMENT` with every problem, located
 * in the text when it came as `source`); warnings and notes are returned as findings. Validation
 * still judges the whole bundle (tests, tighten-only, Rego) on submission.
 */
export function checkBundleDocument(input: BundleDocumentDto, document: Readonly<Record<string, unknown>>): BundleProblem[] {
  const source = input.filename ? { filename: input.filename } : {};
  if (input.source !== undefined) {
    const text = validateBundleText(input.source, { ...source, ...(input.format ? { format: input.format } : {}) });
    if (!text.ok) return refuse(text.problems.filter(isError));
    const findings = locateProblems(lintBundle(document), text.locate, source);
    const errors = findings.filter(isError);
    if (errors.length > 0) return refuse(errors);
    return [...text.problems, ...findings];
  }
  const problems = validateBundleDocument(document);
  if (problems.some(isError)) return refuse(problems.filter(isError));
  const findings = lintBundle(document);
  const errors = findings.filter(isError);
  if (errors.length > 0) return refuse(errors);
  return [...problems, ...findings];
}
