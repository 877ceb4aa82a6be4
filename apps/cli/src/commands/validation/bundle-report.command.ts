import type { Command } from 'commander';
import { writeOut } from '../engine/write-output';
import { callService } from '../platform/http-client';
import { stringify } from 'yaml';
import { formatReportTable, outputOf, type ReportAnswer } from './format-report';

/**
 * `edict bundle report <policy> <version> [--output table|json]`: the verdict validation
 * recorded, with every check and finding. Exit 1 when the version failed validation.
 */
export function registerBundleReportCommand(program: Command): void {
  const bundle = program.commands.find((c) => c.name() === 'bundle') ?? program.command('bundle');
  bundle
    .command('report <policyId> <version>')
    .description('show the validation report of a submitted version (checks, findings, coverage, impact)')
    .option('--output <format>', 'table, json or yaml (default: table on a terminal, json when piped)')
    .action(async (policyId: string, version: string, opts: { output?: string }) => {
      const output = outputOf(opts.output);
      const answer = (await callService('validation', `/v1/validations/${encodeURIComponent(policyId)}/${encodeURIComponent(version)}`)) as ReportAnswer;
      if (answer.outcome !== 'validated') process.exitCode = 1;
      await writeOut(output === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : output === 'yaml' ? stringify(answer) : formatReportTable(answer));
    });
}
