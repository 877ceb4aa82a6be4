import { parseDecisionLog, simulateImpact } from '@edict/policy-engine';
import type { Command } from 'commander';
import { collect } from './collect-option';
import { printProblems } from './format-problem';
import { loadOrReport } from './load-or-report';
import { loadSimulateExceptions } from './load-simulate-exceptions';
import { formatImpactReport } from './format-impact-report';
import { readTextFile } from './read-text-file';
import { requireParents } from './require-parents';
import { writeLines, writeOut } from './write-output';

/** Largest decision-log export read at once. */
const MAX_DECISIONS_BYTES = 512 * 1024 * 1024;

/**
 * `edict simulate --candidate <bundle> --decisions <file.ndjson>`: replays recorded decisions
 * against the candidate and reports the changes. Invalid lines stop it (exit 1) unless
 * `--skip-invalid` is given. With `--exceptions <file>` or `--exceptions-from-authoring` it replays
 * twice, without and with the exceptions, and reports both and what each exception changed.
 */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('replay recorded decisions (decision-log export, NDJSON) against a candidate bundle')
    .requiredOption('--candidate <bundle>', 'the candidate bundle')
    .requiredOption('--decisions <file>', 'decision-log export, one JSON decision per line')
    .option('--parent <bundle>', 'a parent tier bundle (repeatable)', collect, [])
    .option('--examples <n>', 'examples per group', (v) => Number.parseInt(v, 10), 3)
    .option('--exceptions <file>', 'also replay with these exceptions (GET /v1/exceptions answer, JSON array or NDJSON)')
    .option('--exceptions-from-authoring', "also replay with authoring's exceptions (GET /v1/exceptions)")
    .option('--skip-invalid', 'skip invalid lines of the export instead of failing')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { candidate: string; decisions: string; parent: string[]; examples: number; skipInvalid?: boolean; json?: boolean; exceptions?: string; exceptionsFromAuthoring?: boolean }) => {
      const parents = await requireParents(opts.parent);
      const loaded = await loadOrReport(opts.candidate);
      if (!loaded) return;
      const exceptions = await loadSimulateExceptions(opts);
      if (exceptions === null) return;
      const { records, problems } = parseDecisionLog(readTextFile(opts.decisions, MAX_DECISIONS_BYTES, 'decision log'), opts.decisions);
      if (problems.length > 0) {
        await printProblems(problems.slice(0, 20), opts.decisions);
        if (problems.length > 20) await writeLines([`... and ${problems.length - 20} more invalid lines`], process.stderr);
        if (!opts.skipInvalid) {
          process.exitCode = 1;
          return writeLines([`edict: ${problems.length} invalid line(s) in ${opts.decisions}; fix them or pass --skip-invalid`], process.stderr);
        }
      }
      const examplesPerGroup = Number.isFinite(opts.examples) && opts.examples >= 0 ? opts.examples : 3;
      const report = simulateImpact(loaded.compiled, records, parents, { examplesPerGroup, ...(exceptions && { exceptions }) });
      return opts.json ? writeOut(`${JSON.stringify(report, null, 2)}\n`) : writeLines(formatImpactReport(report));
    });
}
