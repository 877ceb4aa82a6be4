import type { ValidationProblem } from '@edict/contracts';
import type { RegoCheckResult } from '@edict/opa';

const where = (bundleFile: string, f: ValidationProblem): string =>
  f.file === undefined ? bundleFile : `${bundleFile}: ${f.file}${f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : ''}`;

/** The human report of the Rego checks of `edict test`: one line per check, its findings under it. */
export function formatRegoReport(result: RegoCheckResult, bundleFile: string, opa: string): string[] {
  const lines = [`Rego (opa: ${opa})`];
  for (const check of result.checks) {
    lines.push(`  ${check.status.toUpperCase().padEnd(7)} ${check.name}: ${check.summary}`);
    for (const f of check.findings) lines.push(`        ${where(bundleFile, f)}: ${f.severity} ${f.code} ${f.message}`);
  }
  const uncovered = Object.entries(result.coverage?.uncovered ?? {});
  if (uncovered.length > 0) lines.push(`Rego lines no test reached: ${uncovered.map(([file, l]) => `${file} ${l.join(',')}`).join('; ')}`);
  return lines;
}

/** `--rego-min-coverage`, else EDICT_REGO_MIN_COVERAGE, else 0; a number from 0 to 100. */
export function regoMinCoverage(option: string | undefined, env: NodeJS.ProcessEnv = process.env): number | string {
  const text = option ?? env['EDICT_REGO_MIN_COVERAGE'] ?? '0';
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : `the minimum Rego coverage must be a number from 0 to 100, not '${text}'`;
}
