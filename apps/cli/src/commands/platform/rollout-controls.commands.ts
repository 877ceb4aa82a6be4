import type { Command } from 'commander';
import { callService, printJson } from './http-client';

const rolloutPath = (policyId: string): string => `/v1/rollouts/${encodeURIComponent(policyId)}`;

/** `edict rollout pause|resume|pin|unpin|disable|enable`: the operator's controls (distribution). */
export function registerRolloutControlCommands(rollout: Command): void {
  rollout
    .command('pause <policyId>')
    .description('hold the canary at its step')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .action(async (policyId: string, opts: { reason: string }) => {
      printJson(await callService('distribution', `${rolloutPath(policyId)}/pause`, { body: { reason: opts.reason } }));
    });
  rollout
    .command('resume <policyId>')
    .description('resume a paused canary (its soak time starts again)')
    .action(async (policyId: string) => {
      printJson(await callService('distribution', `${rolloutPath(policyId)}/resume`, { method: 'POST' }));
    });
  rollout
    .command('pin <policyId> <version>')
    .description('serve one version to every cohort until unpinned')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .action(async (policyId: string, version: string, opts: { reason: string }) => {
      printJson(await callService('distribution', `${rolloutPath(policyId)}/pin`, { body: { version, reason: opts.reason } }));
    });
  rollout
    .command('unpin <policyId>')
    .action(async (policyId: string) => {
      printJson(await callService('distribution', `${rolloutPath(policyId)}/unpin`, { method: 'POST' }));
    });
  rollout
    .command('disable <policyId>')
    .description('kill switch (admin): no version serves; decisions fail open or closed')
    .requiredOption('--mode <mode>', 'fail-open | fail-closed')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .action(async (policyId: string, opts: { mode: string; reason: string }) => {
      const headers = { 'x-edict-override': 'true' };
      printJson(await callService('distribution', `${rolloutPath(policyId)}/disable`, { body: { mode: opts.mode, reason: opts.reason }, headers }));
    });
  rollout
    .command('enable <policyId>')
    .description('turn the kill switch off (admin)')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .action(async (policyId: string, opts: { reason: string }) => {
      const headers = { 'x-edict-override': 'true' };
      printJson(await callService('distribution', `${rolloutPath(policyId)}/enable`, { body: { reason: opts.reason }, headers }));
    });
}
