import type { Command } from 'commander';
import { gateTable } from './gate-table';
import { callService } from './http-client';
import { outputFormat, printResult, withOutputOption, type OutputFormat } from './output-format';
import { registerRolloutControlCommands } from './rollout-controls.commands';
import { rolloutLines } from './rollout-view';

const rolloutPath = (policyId: string): string => `/v1/rollouts/${encodeURIComponent(policyId)}`;

/**
 * The If-Match header for promote and rollback: the revision given with --if-match (from an
 * earlier `status`), else the revision of a status read just before; none with --no-if-match.
 */
async function ifMatch(policyId: string, option: string | boolean | undefined): Promise<Record<string, string>> {
  if (option === false) return {};
  if (typeof option === 'string') return { 'if-match': option };
  const status = await callService('distribution', rolloutPath(policyId)) as { revision?: number };
  return typeof status.revision === 'number' ? { 'if-match': String(status.revision) } : {};
}

/** A rollout view in the chosen format; in JSON or YAML the gate table goes to stderr, for people watching a pipe. */
function printRollout(opts: { output?: OutputFormat }, view: unknown, gates: unknown = view): void {
  printResult(opts, view, () => (gates === view ? rolloutLines(view) : [gateTable(gates)?.trimEnd() ?? 'no gates']));
  const table = outputFormat(opts) === 'table' ? null : gateTable(gates);
  if (table) process.stderr.write(table);
}

/** `edict rollout …`: canary rollouts, promotion through the gates, and rollback (distribution). */
export function registerRolloutCommands(program: Command): void {
  const rollout = program.command('rollout').description('roll signed versions out, promote and roll back');
  withOutputOption(rollout.command('start <policyId> <version>'))
    .description('start a canary at 10% with a signed version')
    .action(async (policyId: string, version: string, opts: { output?: OutputFormat }) => {
      printRollout(opts, await callService('distribution', `${rolloutPath(policyId)}/start`, { body: { version } }));
    });
  withOutputOption(rollout.command('promote <policyId>'))
    .description('promote the canary a step (10 → 50 → 100) if the gates pass')
    .option('--override-reason <text>', 'promote despite failing gates (admin or platform), with a reason kept in the audit trail')
    .option('--if-match <revision>', 'the revision `status` showed; 412 if the rollout moved since')
    .option('--no-if-match', 'send no If-Match (last writer wins)')
    .action(async (policyId: string, opts: { overrideReason?: string; ifMatch?: string | boolean; output?: OutputFormat }) => {
      const body = opts.overrideReason ? { override: { reason: opts.overrideReason } } : {};
      printRollout(opts, await callService('distribution', `${rolloutPath(policyId)}/promote`, { body, headers: await ifMatch(policyId, opts.ifMatch) }));
    });
  withOutputOption(rollout.command('rollback <policyId>'))
    .description('roll back the canary, or the active version to the previous one')
    .requiredOption('--reason <text>', 'why; kept in the audit trail')
    .option('--create-incident', 'open an incident about the rollback (incident-response)')
    .option('--to-version <version>', 'roll back to this previously served, signed version')
    .option('--if-match <revision>', 'the revision `status` showed; 412 if the rollout moved since')
    .option('--no-if-match', 'send no If-Match (last writer wins)')
    .action(async (policyId: string, opts: { reason: string; createIncident?: boolean; toVersion?: string; ifMatch?: string | boolean; output?: OutputFormat }) => {
      const body = { reason: opts.reason, ...(opts.createIncident ? { createIncident: true } : {}), ...(opts.toVersion ? { toVersion: opts.toVersion } : {}) };
      printRollout(opts, await callService('distribution', `${rolloutPath(policyId)}/rollback`, { body, headers: await ifMatch(policyId, opts.ifMatch) }));
    });
  withOutputOption(rollout.command('status <policyId>'))
    .description('the stable version, the canary and its percentage, its revision (for --if-match), the gates (on stderr with --output json|yaml)')
    .action(async (policyId: string, opts: { output?: OutputFormat }) => {
      printRollout(opts, await callService('distribution', rolloutPath(policyId)));
    });
  withOutputOption(rollout.command('check-gates <policyId>'))
    .description("evaluate the gates on supplied metrics (runbook: Canary Won't Promote); changes nothing")
    .requiredOption('--decisions <n>', 'decisions counted', Number)
    .requiredOption('--errors <n>', 'errors among them', Number)
    .requiredOption('--denies <n>', 'denies among them', Number)
    .option('--cost-sum <n>', 'their declared cost summed (request.context.cost), for the cost gate', Number)
    .action(async (policyId: string, opts: { decisions: number; errors: number; denies: number; costSum?: number; output?: OutputFormat }) => {
      const { output, ...metrics } = opts;
      const view = await callService('distribution', `${rolloutPath(policyId)}/check-gates`, { body: metrics });
      printRollout({ ...(output ? { output } : {}) }, view, { gate: view });
    });
  registerRolloutControlCommands(rollout);
}
