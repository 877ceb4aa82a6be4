import type { Command } from 'commander';
import { activePoliciesTable, type ActivePolicy } from './active-policies';
import { callService } from './http-client';
import { outputFormat, printAs, statusWord, table, withOutputOption, type OutputFormat } from './output-format';

interface PolicyEntry {
  readonly policyId: string;
  readonly tier: string;
  readonly latestVersion: string;
  readonly versions: readonly { readonly version: string; readonly status: string; readonly emergency?: boolean }[];
}

/** `edict policy list`: the registry of policies (authoring); `--active`: what serves now (distribution). */
export function registerPolicyCommands(program: Command): void {
  const policy = program.command('policy').description('the registry of policies');
  withOutputOption(policy.command('list').description('every policy: tier, latest version, the status of each version'))
    .option('--active', 'what serves now: stable, canary and pinned versions, canary share, time active, last change (runbook: emergency rollback step 1)')
    .action(async (opts: { output?: OutputFormat; active?: boolean }) => {
      if (opts.active) {
        const active = (await callService('distribution', '/v1/rollouts?active_only=true')) as { items: ActivePolicy[] };
        return printAs(outputFormat(opts), active, () => [activePoliciesTable(active.items)]);
      }
      const answer = (await callService('authoring', '/v1/policies')) as { items: PolicyEntry[] };
      printAs(outputFormat(opts), answer, () => [
        table(['policy', 'tier', 'latest', 'versions'], answer.items.map((p) => [
          p.policyId, p.tier, p.latestVersion, p.versions.map((v) => `${v.version} ${statusWord(v.status)}${v.emergency ? ' (emergency)' : ''}`).join(', '),
        ])),
      ]);
    });
}
