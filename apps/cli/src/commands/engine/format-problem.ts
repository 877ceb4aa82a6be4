import type { BundleProblem } from '@edict/policy-engine';
import { writeLines } from './write-output';

/** `file:line:column: severity CODE message (at path)`, the shape editors and CI understand. */
export function formatProblem(p: BundleProblem, fallbackFile?: string): string {
  const file = p.filename ?? fallbackFile ?? '<input>';
  const where = p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : file;
  return `${where}: ${p.severity} ${p.code} ${p.message}${p.path ? ` (at ${p.path})` : ''}`;
}

/** Writes problems to stderr, one a line. */
export const printProblems = (problems: readonly BundleProblem[], fallbackFile?: string): Promise<void> =>
  writeLines(problems.map((p) => formatProblem(p, fallbackFile)), process.stderr);
