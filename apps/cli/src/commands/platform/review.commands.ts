import type { Command } from 'commander';
import { callService } from './http-client';
import { outputFormat, printAs, printResult, statusWord, table, withOutputOption, type OutputFormat } from './output-format';

interface Review {
  readonly policyId: string;
  readonly version: string;
  readonly status: string;
  readonly approver: string;
  readonly reason: string;
  readonly approvedAt: string;
  readonly confirmedBy?: string;
}

/** `edict review list|confirm`: follow-up reviews of emergency approvals (authoring). */
export function registerReviewCommands(program: Command): void {
  const review = program.command('review').description('follow-up reviews of emergency approvals');
  withOutputOption(review.command('list').description('follow-up reviews (default: the open ones)'))
    .option('--status <status>', 'open | confirmed | all', 'open')
    .action(async (opts: { status: string; output?: OutputFormat }) => {
      const answer = (await callService('authoring', `/v1/reviews?status=${encodeURIComponent(opts.status)}`)) as { items: Review[] };
      printAs(outputFormat(opts), answer, () => [
        table(['policy', 'version', 'review', 'emergency approver', 'reason', 'approved at', 'confirmed by'], answer.items.map((r) => [
          r.policyId, r.version, statusWord(r.status), r.approver, r.reason, r.approvedAt, r.confirmedBy,
        ])),
      ]);
    });
  withOutputOption(review.command('confirm <policyId> <version>'))
    .description('confirm an emergency approval (a second approver: not an author, not the emergency approver)')
    .option('--comment <text>', 'a comment kept with the confirmation')
    .action(async (policyId: string, version: string, opts: { comment?: string; output?: OutputFormat }) => {
      const path = `/v1/bundles/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}/confirm-emergency`;
      printResult(opts, await callService('authoring', path, { method: 'POST', body: opts.comment ? { comment: opts.comment } : {} }));
    });
}
