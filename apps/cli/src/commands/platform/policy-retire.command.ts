import { InvalidArgumentError, type Command } from 'commander';
import { callService } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';

interface RetiredAnswer {
  readonly policyId: string;
  readonly retired: { readonly retiredAt: string; readonly retiredBy: string; readonly lastMajor: number | null; readonly forced: boolean } | null;
  readonly recentDecisions: number;
  readonly quietDays: number;
}

const render = (a: RetiredAnswer): string[] => [
  `${a.policyId} retired${a.retired?.forced ? ' (forced)' : ''} at ${a.retired?.retiredAt ?? '?'} by ${a.retired?.retiredBy ?? '?'}`,
  `decisions in the last ${a.quietDays} days: ${a.recentDecisions}; nothing of it serves now`,
  `its id serves again only as a new major version above ${a.retired?.lastMajor ?? 0}.x`,
];

/**
 * `edict policy retire <id> --reason … [--force]`: distribution's `POST /v1/rollouts/{id}/retire`.
 * Refused (exit 4, ROLLOUT.RETIRE_RECENT_DECISIONS) while the policy served decisions in the quiet
 * period, unless `--force` by an admin. Registered under `policy`.
 */
export function registerPolicyRetireCommand(program: Command): void {
  const policy = program.commands.find((c) => c.name() === 'policy') ?? program.command('policy');
  withOutputOption(policy.command('retire <policyId>'))
    .description('retire a policy: it stops being served, keeps its history, and its id serves again only as a new major version')
    .option('--reason <text>', 'why (kept in the audit trail; required unless --dry-run)')
    .option('--force', 'retire although it served decisions in the quiet period (admin only)')
    .option('--dry-run', 'only the quiet-period check: decisions in the last EDICT_RETIRE_QUIET_DAYS days; changes nothing')
    .action(async (policyId: string, opts: { reason?: string; force?: boolean; dryRun?: boolean; output?: OutputFormat }) => {
      const path = `/v1/rollouts/${encodeURIComponent(policyId)}/retire`;
      if (opts.dryRun) {
        const check = (await callService('distribution', path)) as { recentDecisions: number; quietDays: number; lastDecisionWindowEnd: string | null; quiet: boolean };
        return printResult(opts, check, () => [
          `${policyId}: ${check.recentDecisions} decisions in the last ${check.quietDays} days${check.lastDecisionWindowEnd ? ` (last window ended ${check.lastDecisionWindowEnd})` : ''}`,
          check.quiet ? 'quiet: it can be retired' : 'not quiet: retiring is refused unless an admin forces it (--force)',
        ]);
      }
      if (!opts.reason) throw new InvalidArgumentError('--reason is required to retire');
      const body = { reason: opts.reason, ...(opts.force ? { force: true } : {}) };
      const answer = (await callService('distribution', path, { body })) as RetiredAnswer;
      printResult(opts, answer, () => render(answer));
    });
}
