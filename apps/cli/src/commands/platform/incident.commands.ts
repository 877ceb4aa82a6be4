import type { Command } from 'commander';
import { callService } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';
import { registerIncidentReportCommands } from './incident-postmortem.command';

/** `edict incident …`: the incidents auto-rollback opens (incident-response). */
export function registerIncidentCommands(program: Command): void {
  const incident = program.command('incident').description('list, show, acknowledge, resolve incidents; post-mortems; trigger thresholds');
  withOutputOption(incident.command('list'))
    .option('--status <status>', 'open | acknowledged | resolved')
    .action(async (opts: { status?: string; output?: OutputFormat }) => {
      const query = opts.status ? `?status=${encodeURIComponent(opts.status)}` : '';
      printResult(opts, await callService('incident-response', `/v1/incidents${query}`));
    });
  withOutputOption(incident.command('show <incidentId>'))
    .action(async (id: string, opts: { output?: OutputFormat }) => {
      printResult(opts, await callService('incident-response', `/v1/incidents/${encodeURIComponent(id)}`));
    });
  withOutputOption(incident.command('ack <incidentId>'))
    .description('acknowledge (the runbook asks for it within 15 minutes)')
    .action(async (id: string, opts: { output?: OutputFormat }) => {
      printResult(opts, await callService('incident-response', `/v1/incidents/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' }));
    });
  withOutputOption(incident.command('resolve <incidentId>'))
    .requiredOption('--resolution <text>', 'what was found and done')
    .action(async (id: string, opts: { resolution: string; output?: OutputFormat }) => {
      printResult(opts, await callService('incident-response', `/v1/incidents/${encodeURIComponent(id)}/resolve`, { body: { resolution: opts.resolution } }));
    });
  registerIncidentReportCommands(incident);
}
