import type { ValidationCoverage } from '@edict/contracts';
import { isObject, numberAt, objectAt, objectsIn, workspaceRelative } from './opa-json';

export type RegoCoverage = NonNullable<ValidationCoverage['rego']>;

export const isTestModule = (file: string): boolean => file.endsWith('_test.rego');

const linesOf = (ranges: unknown): number[] =>
  objectsIn(ranges).flatMap((r) => {
    const start = numberAt(objectAt(r, 'start'), 'row');
    const end = numberAt(objectAt(r, 'end'), 'row') ?? start;
    if (start === undefined || end === undefined || end < start) return [];
    return Array.from({ length: Math.min(end - start + 1, 100_000) }, (_, i) => start + i);
  });

/**
 * The coverage of the policy modules in an `opa test --coverage --format json` report. Test
 * modules (`*_test.rego`) are left out, so tests do not count towards their own coverage (OPA's
 * overall figure includes them); with no policy lines at all, OPA's overall figure is used.
 */
export function parseCoverage(report: unknown, minimum: number): RegoCoverage | undefined {
  if (!isObject(report) || !isObject(report['files'])) return undefined;
  let covered = 0;
  let notCovered = 0;
  const uncovered: Record<string, number[]> = {};
  for (const [name, entry] of Object.entries(report['files'])) {
    const file = workspaceRelative(name);
    if (isTestModule(file) || !isObject(entry)) continue;
    covered += numberAt(entry, 'covered_lines') ?? 0;
    notCovered += numberAt(entry, 'not_covered_lines') ?? 0;
    const lines = [...new Set(linesOf(entry['not_covered']))].sort((a, b) => a - b);
    if (lines.length > 0) uncovered[file] = lines;
  }
  const total = covered + notCovered;
  const raw = total > 0 ? (100 * covered) / total : (numberAt(report, 'coverage') ?? 0);
  return { percentage: Math.round(raw * 100) / 100, minimum, uncovered };
}
