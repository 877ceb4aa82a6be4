import type { Command } from 'commander';
import { renderExplanation, type ExplainedAnswer } from './decision-explain.render';
import { callService } from './http-client';
import { printResult, withOutputOption, type OutputFormat } from './output-format';

const parseContext = (text: string | undefined): Record<string, unknown> | undefined => {
  if (text === undefined) return undefined;
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('--context must be a JSON object');
  return value as Record<string, unknown>;
};

/** `edict decide` asks the PDP sidecar; `edict decisions` queries the decision log. */
export function registerDecisionCommands(program: Command): void {
  withOutputOption(program.command('decide'))
    .description('ask the PDP sidecar for a decision')
    .requiredOption('--policy <id>', 'policy id (the most specific tier)')
    .requiredOption('--subject <subject>', 'who asks; picks the canary cohort')
    .requiredOption('--agent <agent>')
    .requiredOption('--action <action>')
    .requiredOption('--resource <resource>')
    .option('--context <json>', 'request context as a JSON object')
    .option('--explain', 'also show why: every tier, the rules considered in order and why each matched or not (?explain=full)')
    .action(async (opts: { policy: string; subject: string; agent: string; action: string; resource: string; context?: string; explain?: boolean; output?: OutputFormat }) => {
      const context = parseContext(opts.context);
      const body = {
        policyId: opts.policy,
        subject: opts.subject,
        request: { agent: opts.agent, action: opts.action, resource: opts.resource, ...(context ? { context } : {}) },
      };
      if (!opts.explain) return printResult(opts, await callService('pdp', '/v1/decisions', { body }));
      const answer = (await callService('pdp', '/v1/decisions?explain=full', { body })) as ExplainedAnswer;
      printResult(opts, answer, () => renderExplanation(answer));
    });
  withOutputOption(program.command('decisions'))
    .description('query the decision log')
    .option('--policy <id>', 'only this policy')
    .option('--version <version>', 'only this version')
    .option('--effect <effect>', 'allow | deny | require_approval')
    .option('--limit <n>', 'at most this many (newest first)', '50')
    .action(async (opts: { policy?: string; version?: string; effect?: string; limit: string; output?: OutputFormat }) => {
      const query = new URLSearchParams({ limit: opts.limit });
      if (opts.policy) query.set('policyId', opts.policy);
      if (opts.version) query.set('version', opts.version);
      if (opts.effect) query.set('effect', opts.effect);
      printResult(opts, await callService('decision-log', `/v1/decisions?${query.toString()}`));
    });
  program
    .command('decisions-export')
    .description('decisions as NDJSON on stdout: the file `edict simulate --decisions` replays')
    .option('--policy <id>', 'only this policy')
    .option('--since <iso>', 'from this time (inclusive)')
    .option('--limit <n>', 'at most this many (newest first, max 1000)', '1000')
    .action(async (opts: { policy?: string; since?: string; limit: string }) => {
      const query = new URLSearchParams({ limit: opts.limit });
      if (opts.policy) query.set('policyId', opts.policy);
      if (opts.since) query.set('since', opts.since);
      process.stdout.write(String(await callService('decision-log', `/v1/decisions/export?${query.toString()}`, { raw: true })));
    });
}
