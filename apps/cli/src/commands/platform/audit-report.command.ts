import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import type { StoredEvent } from '@edict/event-store';
import { buildPolicyReport, type PolicyReport } from './audit-report';
import { openAuditExport } from './audit-stream';
import { printJson } from './http-client';
import { colors, table } from './output-format';
import { exceptionCells, exceptionColumns, reportMarkdown } from './render-audit-report';

type ReportFormat = 'table' | 'markdown' | 'json';
const parseFormat = (value: string): ReportFormat => {
  if (value !== 'table' && value !== 'markdown' && value !== 'json') throw new InvalidArgumentError(`'${value}' is not one of: table, markdown, json`);
  return value;
};

async function* eventsOf(lines: AsyncIterable<string>): AsyncGenerator<StoredEvent> {
  for await (const line of lines) if (line !== '') yield JSON.parse(line) as StoredEvent;
}

const tables = (report: PolicyReport): string[] => [
  ...report.versions.flatMap((v) => [
    colors.bold(`${report.policyId} ${v.version}: ${v.status}${v.emergency ? ' (EMERGENCY)' : ''}; authors ${v.authors.join(', ')}; approved by ${v.approvedBy.join(', ') || '—'}; signature ${v.signature ?? '—'}`),
    table(['when', 'step', 'by', 'details', 'position'], v.steps.map((s) => [s.at, s.step, s.by, s.detail, s.position])),
  ]),
  ...(report.policySteps.length ? [colors.bold('kill switch'), table(['when', 'step', 'by', 'details', 'position'], report.policySteps.map((s) => [s.at, s.step, s.by, s.detail, s.position]))] : []),
  ...(report.exceptions.length ? [colors.bold('exceptions'), table(exceptionColumns, report.exceptions.map(exceptionCells)),
    table(['exception', 'when', 'step', 'by', 'details', 'position'], report.exceptions.flatMap((e) => e.steps.map((s) => [e.exceptionId, s.at, s.step, s.by, s.detail, s.position])))] : []),
];

/** `edict audit report <policy>`: each version's change record, assembled from the streamed audit export. */
export function registerAuditReportCommand(audit: Command): void {
  audit
    .command('report <policyId>')
    .description("a policy's change record from the audit log: who drafted and revised each version, the validation verdict and checks, approvals (role, time, emergency), signature and key, every rollout step, gate override, pin, kill switch, rollback and incident, and the policy's exceptions (rule, resource, requester, approvers, expiry, revoked or expired), with reasons")
    .option('--version <version>', 'only this version')
    .option('--output <format>', 'table | markdown | json (default: table on a terminal, markdown otherwise)', parseFormat)
    .addHelpText('after', '\nExample:\n  edict audit report org/baseline --version 1.1.0 --output markdown > CHG-1234.md\n')
    .action(async (policyId: string, opts: { version?: string; output?: ReportFormat }) => {
      const { body } = await openAuditExport({ after: 0, policy: policyId });
      const built = await collect(policyId, eventsOf(createInterface({ input: body, crlfDelay: Infinity })));
      const versions = opts.version ? built.versions.filter((v) => v.version === opts.version) : built.versions;
      if (opts.version && versions.length === 0) throw new Error(`AUDIT.VERSION_NOT_FOUND: ${policyId} has no version ${opts.version} in the audit log`);
      const report: PolicyReport = { ...built, versions };
      const format = opts.output ?? (process.stdout.isTTY ? 'table' : 'markdown');
      if (format === 'json') return printJson(report);
      process.stdout.write(`${format === 'markdown' ? reportMarkdown(report) : tables(report).join('\n')}\n`);
    });
}

/** A policy's events are few (its own streams): they are gathered, then read in log order. */
async function collect(policyId: string, events: AsyncIterable<StoredEvent>): Promise<PolicyReport> {
  const all: StoredEvent[] = [];
  for await (const event of events) all.push(event);
  return buildPolicyReport(policyId, all);
}
