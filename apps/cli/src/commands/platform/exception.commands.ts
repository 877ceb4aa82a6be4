import { InvalidArgumentError, type Command } from 'commander';
import { callService } from './http-client';
import { outputFormat, printAs, statusWord, table, withOutputOption, type OutputFormat } from './output-format';

interface ExceptionRow {
  readonly exceptionId: string;
  readonly policyId: string;
  readonly ruleId: string;
  readonly resource: string;
  readonly status: string;
  readonly active: boolean;
  readonly expiresAt: string;
  readonly ticket: string;
  readonly requestedBy: string;
  readonly approvedBy?: string;
}

const DURATION = /^\d{1,5}[smhd]$/;
const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--expires` as an ISO time, or a duration from now (`30d`, `12h`, `5s`). */
export function expiryFrom(value: string, now: Date = new Date()): string {
  if (DURATION.test(value)) return new Date(now.getTime() + Number(value.slice(0, -1)) * (UNIT_MS[value.slice(-1)] ?? 0)).toISOString();
  if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError(`'${value}' is neither an ISO time nor a duration like 30d`);
  return value;
}

const parseDuration = (value: string): string => {
  if (!DURATION.test(value)) throw new InvalidArgumentError(`'${value}' is not a duration like 7d, 12h`);
  return value;
};

const rows = (items: readonly ExceptionRow[]): string[] => [
  table(['id', 'policy', 'rule', 'resource', 'status', 'expires', 'ticket', 'approved by'],
    items.map((e) => [e.exceptionId, e.policyId, e.ruleId, e.resource, statusWord(e.active ? 'approved' : e.status), e.expiresAt, e.ticket, e.approvedBy])),
];

const print = (opts: { output?: OutputFormat }, value: ExceptionRow): void => printAs(outputFormat(opts), value, () => rows([value]));

/** `edict exception request|approve|revoke|list|show`: waivers of one rule that expire (authoring, docs/exceptions.md). */
export function registerExceptionCommands(program: Command): void {
  const exception = program.command('exception').description('request, approve, revoke, list and show policy exceptions (they expire)');
  withOutputOption(exception
    .command('request')
    .description("waive one rule of a policy for a resource glob until an expiry (at most the tier's maximum); applies once approved")
    .requiredOption('--policy <policyId>')
    .requiredOption('--rule <ruleId>')
    .requiredOption('--resource <glob>', 'as match.resource; not * or **')
    .requiredOption('--justification <text>')
    .requiredOption('--ticket <id>')
    .requiredOption('--expires <time|duration>', 'an ISO time, or a duration from now: 30d, 12h')
    .option('--subject <subject>', 'only decisions for this subject')
    .option('--agent <glob>', 'only requests from these agents'))
    .action(async (opts: { policy: string; rule: string; resource: string; justification: string; ticket: string; expires: string; subject?: string; agent?: string; output?: OutputFormat }) => {
      const body = { policyId: opts.policy, ruleId: opts.rule, resource: opts.resource, justification: opts.justification, ticket: opts.ticket, expiresAt: expiryFrom(opts.expires),
        ...(opts.subject ? { subject: opts.subject } : {}), ...(opts.agent ? { agent: opts.agent } : {}) };
      print(opts, (await callService('authoring', '/v1/exceptions', { body })) as ExceptionRow);
    });
  withOutputOption(exception.command('approve <exceptionId>').description("one of the tier's approvers; never the requester"))
    .action(async (id: string, opts: { output?: OutputFormat }) => {
      print(opts, (await callService('authoring', `/v1/exceptions/${encodeURIComponent(id)}/approve`, { body: {} })) as ExceptionRow);
    });
  withOutputOption(exception.command('revoke <exceptionId>').requiredOption('--reason <text>'))
    .action(async (id: string, opts: { reason: string; output?: OutputFormat }) => {
      print(opts, (await callService('authoring', `/v1/exceptions/${encodeURIComponent(id)}/revoke`, { body: { reason: opts.reason } })) as ExceptionRow);
    });
  withOutputOption(exception
    .command('list')
    .option('--policy <policyId>')
    .option('--status <status>', 'requested | approved | revoked | expired | active')
    .option('--expiring <duration>', 'expiring within this long (7d): the review list', parseDuration))
    .action(async (opts: { policy?: string; status?: string; expiring?: string; output?: OutputFormat }) => {
      const query = new URLSearchParams({ ...(opts.policy ? { policyId: opts.policy } : {}), ...(opts.status ? { status: opts.status } : {}), ...(opts.expiring ? { expiring: opts.expiring } : {}) }).toString();
      const answer = (await callService('authoring', `/v1/exceptions${query ? `?${query}` : ''}`)) as { items: ExceptionRow[] };
      printAs(outputFormat(opts), answer, () => rows(answer.items));
    });
  withOutputOption(exception.command('show <exceptionId>'))
    .action(async (id: string, opts: { output?: OutputFormat }) => {
      print(opts, (await callService('authoring', `/v1/exceptions/${encodeURIComponent(id)}`)) as ExceptionRow);
    });
}
