import { runBundleTests } from '@edict/policy-engine';
import type { TestReport } from '@edict/policy-engine';
import type { Command } from 'commander';
import { collect } from './collect-option';
import { loadOrReport } from './load-or-report';
import { regoMinCoverage } from './rego-test-report';
import { requireParents } from './require-parents';
import { runRegoForTest } from './run-rego-for-test';
import { writeLines, writeOut } from './write-output';

/** The human report of `edict test`: one line per test, failures under it, unreached rules. */
export function formatTestReport(report: TestReport): string[] {
  const lines = [`${report.policyId}@${report.version}`];
  for (const r of report.results) {
    const combined = r.combined ? ` [all tiers: ${r.combined.effect}${r.combined.decidingRule ? ` by ${r.combined.decidingTier} rule '${r.combined.decidingRule}'` : ''}]` : '';
    lines.push(`  ${r.passed ? 'PASS' : 'FAIL'}  ${r.name}: ${r.actual.effect}${r.actual.rule ? ` by '${r.actual.rule}'` : ' (no match)'}${combined}`);
    for (const f of r.failures) lines.push(`        ${f}`);
  }
  lines.push(`Rules no test reached: ${report.unreachedRules.length > 0 ? report.unreachedRules.join(', ') : 'none'}`);
  lines.push(`Result: ${report.total} tests, ${report.passed} passed, ${report.failed} failed`);
  return lines;
}

/**
 * `edict test <bundle> [--parent <bundle> ...]`: runs `spec.tests`, and the Rego checks (opa check,
 * test with coverage, fmt) when the bundle has `spec.rego` and an opa is found; exit 1 on any failure.
 */
export function registerTestCommand(program: Command): void {
  program
    .command('test')
    .description("run a bundle's tests (spec.tests) and list the rules no test reached; with spec.rego, also opa check, test and fmt")
    .argument('<bundle>', 'bundle file')
    .option('--parent <bundle>', 'a parent tier bundle (repeatable); the combined decision is shown too', collect, [])
    .option('--rego-min-coverage <percent>', 'the minimum opa test coverage of spec.rego (default: EDICT_REGO_MIN_COVERAGE, else 0)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { parent: string[]; regoMinCoverage?: string; json?: boolean }) => {
      const minCoverage = regoMinCoverage(opts.regoMinCoverage);
      if (typeof minCoverage === 'string') {
        process.exitCode = 1;
        return writeLines([`edict: ${minCoverage}`], process.stderr);
      }
      const parents = await requireParents(opts.parent);
      const loaded = await loadOrReport(file);
      if (!loaded) return;
      const report = runBundleTests(loaded.compiled, parents);
      const rego = await runRegoForTest(loaded.compiled, file, minCoverage);
      if (report.failed > 0 || (rego?.ran === true && rego.failed)) process.exitCode = 1;
      if (report.total === 0 && !rego) await writeLines([`edict: ${file} has no tests (spec.tests)`], process.stderr);
      if (rego?.ran === false) await writeLines([rego.notice], process.stderr);
      if (opts.json) return writeOut(`${JSON.stringify(rego?.ran ? { ...report, rego: rego.result } : report, null, 2)}\n`);
      return writeLines([...formatTestReport(report), ...(rego?.ran ? rego.lines : [])]);
    });
}
