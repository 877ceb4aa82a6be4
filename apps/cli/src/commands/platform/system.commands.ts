import type { Command } from 'commander';
import { callService } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';

/** The runbook's header; distribution also accepts the older x-edict-override. */
const headers = { 'x-emergency-override': 'true' };
const policies = (list?: string): { policies?: string[] } => (list ? { policies: list.split(',').map((p) => p.trim()).filter((p) => p !== '') } : {});

/** `edict system disable|enable|status`: the system-wide kill switch (admin, distribution). */
export function registerSystemCommands(program: Command): void {
  const system = program.command('system').description('the system-wide kill switch (runbook: Rollback Not Working)');
  withOutputOption(system.command('disable'))
    .description('disable every policy (or --policies a,b): decision points answer fail-open or fail-closed')
    .requiredOption('--mode <mode>', 'fail-open | fail-closed')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .option('--policies <ids>', 'comma-separated policy ids (default: all)')
    .action(async (opts: { mode: string; reason: string; policies?: string; output?: OutputFormat }) => {
      printResult(opts, await callService('distribution', '/v1/system/disable', { body: { mode: opts.mode, reason: opts.reason, ...policies(opts.policies) }, headers }));
    });
  withOutputOption(system.command('enable'))
    .description('undo the system-wide disable (policies disabled on their own stay disabled)')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .option('--policies <ids>', 'comma-separated policy ids (default: all system-disabled)')
    .action(async (opts: { reason: string; policies?: string; output?: OutputFormat }) => {
      printResult(opts, await callService('distribution', '/v1/system/enable', { body: { reason: opts.reason, ...policies(opts.policies) }, headers }));
    });
  withOutputOption(system.command('status'))
    .description('each rolled-out policy and its kill switch')
    .action(async (opts: { output?: OutputFormat }) => {
      printResult(opts, await callService('distribution', '/v1/system/status'));
    });
}
