import type { Command } from 'commander';
import { callService } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';
import { rolloutLines } from './rollout-view';

const print = (opts: { output?: OutputFormat }, view: unknown): void => printResult(opts, view, () => rolloutLines(view));

const rolloutPath = (policyId: string): string => `/v1/rollouts/${encodeURIComponent(policyId)}`;

/** `edict rollout pause|resume|pin|unpin|disable|enable`: the operator's controls (distribution). */
export function registerRolloutControlCommands(rollout: Command): void {
  withOutputOption(rollout.command('pause <policyId>'))
    .description('hold the canary at its step')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .action(async (policyId: string, opts: { reason: string; output?: OutputFormat }) => {
      print(opts, await callService('distribution', `${rolloutPath(policyId)}/pause`, { body: { reason: opts.reason } }));
    });
  withOutputOption(rollout.command('resume <policyId>'))
    .description('resume a paused canary (its soak time starts again)')
    .action(async (policyId: string, opts: { output?: OutputFormat }) => {
      print(opts, await callService('distribution', `${rolloutPath(policyId)}/resume`, { method: 'POST' }));
    });
  withOutputOption(rollout.command('pin <policyId> <version>'))
    .description('serve one version to every cohort until unpinned')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .action(async (policyId: string, version: string, opts: { reason: string; output?: OutputFormat }) => {
      print(opts, await callService('distribution', `${rolloutPath(policyId)}/pin`, { body: { version, reason: opts.reason } }));
    });
  withOutputOption(rollout.command('unpin <policyId>'))
    .description('serve by the rollout again')
    .action(async (policyId: string, opts: { output?: OutputFormat }) => {
      print(opts, await callService('distribution', `${rolloutPath(policyId)}/unpin`, { method: 'POST' }));
    });
  withOutputOption(rollout.command('disable <policyId>'))
    .description('kill switch (admin): no version serves; decisions fail open or closed')
    .requiredOption('--mode <mode>', 'fail-open | fail-closed')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .action(async (policyId: string, opts: { mode: string; reason: string; output?: OutputFormat }) => {
      const headers = { 'x-edict-override': 'true' };
      print(opts, await callService('distribution', `${rolloutPath(policyId)}/disable`, { body: { mode: opts.mode, reason: opts.reason }, headers }));
    });
  withOutputOption(rollout.command('enable <policyId>'))
    .description('turn the kill switch off (admin)')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .action(async (policyId: string, opts: { reason: string; output?: OutputFormat }) => {
      const headers = { 'x-edict-override': 'true' };
      print(opts, await callService('distribution', `${rolloutPath(policyId)}/enable`, { body: { reason: opts.reason }, headers }));
    });
}
