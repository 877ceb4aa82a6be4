import type { Command } from 'commander';
import type { FleetCanary, FleetPolicyState, FleetView } from '@edict/contracts';
import { callService } from './http-client';
import { colors, outputFormat, printAs, table, withOutputOption, type OutputFormat } from './output-format';

const stateWord = (state: FleetPolicyState): string =>
  state === 'current' ? colors.green(state) : state === 'pending' ? colors.yellow(state) : colors.red(state);

/** A revision, with the canary beside it for a PDP that holds one: `1.0.0 + 1.1.0@10%`. */
const revisionWord = (revision: string | null, canary: FleetCanary | null | undefined): string =>
  `${revision ?? '-'}${canary ? ` + ${canary.version}@${canary.percentage}%` : ''}`;

/** One row per agent and policy: what it runs against what it should run, its last activation and error. */
export function fleetRows(view: FleetView): string[][] {
  return view.agents.flatMap((agent) => {
    const labels = Object.entries(agent.labels).filter(([k]) => k !== 'id' && k !== 'version').map(([k, v]) => `${k}=${v}`).join(' ');
    const base = [agent.id, agent.kind, labels];
    if (agent.policies.length === 0) return [[...base, '', '', '', '', '', agent.lastSeen, agent.stale ? colors.red('stale') : colors.yellow('pending')]];
    return agent.policies.map((p) => [
      ...base,
      p.policyId,
      revisionWord(p.activeRevision, p.activeCanary),
      revisionWord(p.expectedRevision, p.expectedCanary),
      p.lastActivation ?? '-',
      p.code ? `${p.code}: ${p.message ?? ''}` : '',
      agent.lastSeen,
      stateWord(p.state),
    ]);
  });
}

/** `edict fleet status`: every OPA agent and Edict PDP from distribution's fleet view (GET /v1/fleet). */
export function registerFleetCommands(program: Command): void {
  const fleet = program.command('fleet').description('OPA agents and Edict PDPs: what they run, errors, staleness');
  withOutputOption(
    fleet
      .command('status')
      .description('every agent: labels, per policy the active and expected revision, last activation, its error, last seen, state'),
  ).action(async (opts: { output?: OutputFormat }) => {
    const view = (await callService('distribution', '/v1/fleet')) as FleetView;
    printAs(outputFormat(opts), view, () => [
      table(['agent', 'kind', 'labels', 'policy', 'active', 'expected', 'last activation', 'error', 'last seen', 'state'], fleetRows(view)),
      `${view.agents.length} agent(s); stale after ${view.staleAfterSeconds} s without a request or report`,
    ]);
  });
}
