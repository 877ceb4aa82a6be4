import type { Command } from 'commander';
import { callService, printJson } from './http-client';
import { registerIncidentReportCommands } from './incident-postmortem.command';

/** `edict incident …`: the incidents auto-rollback opens (incident-response). */
export function registerIncidentCommands(program: Command): void {
  const incident = program.command('incident').description('list, show, acknowledge, resolve incidents; post-mortems; trigger thresholds');
  incident
    .command('list')
    .option('--status <status>', 'open | acknowledged | resolved')
    .action(async (opts: { status?: string }) => {
      const query = opts.status ? `?status=${encodeURIComponent(opts.status)}` : '';
      printJson(await callService('incident-response', `/v1/incidents${query}`));
    });
  incident
    .command('show <incidentId>')
    .action(async (id: string) => {
      printJson(await callService('incident-response', `/v1/incidents/${encodeURIComponent(id)}`));
    });
  incident
    .command('ack <incidentId>')
    .description('acknowledge (the runbook asks for it within 15 minutes)')
    .action(async (id: string) => {
      printJson(await callService('incident-response', `/v1/incidents/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' }));
    });
  incident
    .command('resolve <incidentId>')
    .requiredOption('--resolution <text>', 'what was found and done')
    .action(async (id: string, opts: { resolution: string }) => {
      printJson(await callService('incident-response', `/v1/incidents/${encodeURIComponent(id)}/resolve`, { body: { resolution: opts.resolution } }));
    });
  registerIncidentReportCommands(incident);
}
