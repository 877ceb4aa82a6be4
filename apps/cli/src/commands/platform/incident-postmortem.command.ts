import type { Command } from 'commander';
import { callService } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';
import { renderPostmortem, type IncidentView } from './incident-postmortem';

const settingsPath = (policyId: string): string => `/v1/trigger-settings/${encodeURIComponent(policyId)}`;

/** `edict incident postmortem <id>` and `edict incident thresholds <policy>`. */
export function registerIncidentReportCommands(incident: Command): void {
  incident
    .command('postmortem <incidentId>')
    .description("print the runbook's post-mortem template filled with the incident's timeline, impact and versions (Markdown)")
    .option('--author <name>', 'who writes it')
    .action(async (id: string, opts: { author?: string }) => {
      const view = (await callService('incident-response', `/v1/incidents/${encodeURIComponent(id)}`)) as IncidentView;
      process.stdout.write(renderPostmortem(view, opts.author));
    });
  withOutputOption(incident.command('thresholds <policyId>'))
    .description("show the policy's trigger thresholds and budget; --set replaces the policy's settings")
    .option('--set <json>', 'e.g. \'{"maxDenyRate":0.3,"dailyCostBudget":1000,"errorRates":[0.05,0.1,0.15,0.2]}\'')
    .action(async (policyId: string, opts: { set?: string; output?: OutputFormat }) => {
      const path = settingsPath(policyId);
      printResult(opts, opts.set === undefined ? await callService('incident-response', path) : await callService('incident-response', path, { method: 'PUT', body: JSON.parse(opts.set) as unknown }));
    });
}
