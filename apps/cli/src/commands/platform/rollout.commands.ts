import type { Command } from 'commander';
import { callService, printJson } from './http-client';
import { registerRolloutControlCommands } from './rollout-controls.commands';

const rolloutPath = (policyId: string): string => `/v1/rollouts/${encodeURIComponent(policyId)}`;

/** `edict rollout …`: canary rollouts, promotion through the gates, and rollback (distribution). */
export function registerRolloutCommands(program: Command): void {
  const rollout = program.command('rollout').description('roll signed versions out, promote and roll back');
  rollout
    .command('start <policyId> <version>')
    .description('start a canary at 10% with a signed version')
    .action(async (policyId: string, version: string) => {
      printJson(await callService('distribution', `${rolloutPath(policyId)}/start`, { body: { version } }));
    });
  rollout
    .command('promote <policyId>')
    .description('promote the canary a step (10 → 50 → 100) if the gates pass')
    .option('--override-reason <text>', 'promote despite failing gates (admin or platform), with a reason kept in the audit trail')
    .action(async (policyId: string, opts: { overrideReason?: string }) => {
      const body = opts.overrideReason ? { override: { reason: opts.overrideReason } } : {};
      printJson(await callService('distribution', `${rolloutPath(policyId)}/promote`, { body }));
    });
  rollout
    .command('rollback <policyId>')
    .description('roll back the canary, or the active version to the previous one')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .option('--create-incident', 'open an incident about the rollback (incident-response)')
    .action(async (policyId: string, opts: { reason: string; createIncident?: boolean }) => {
      const body = { reason: opts.reason, ...(opts.createIncident ? { createIncident: true } : {}) };
      printJson(await callService('distribution', `${rolloutPath(policyId)}/rollback`, { body }));
    });
  rollout
    .command('status <policyId>')
    .description('the stable version, the canary and its percentage')
    .action(async (policyId: string) => {
      printJson(await callService('distribution', rolloutPath(policyId)));
    });
  registerRolloutControlCommands(rollout);
}
