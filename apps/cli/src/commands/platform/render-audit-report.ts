import type { ChangeStep, PolicyReport, VersionRecord } from './audit-report';
import type { ExceptionRecord } from './audit-report-exceptions';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const stepRow = (s: ChangeStep): string => `| ${s.at} | ${cell(s.step)} | ${cell(s.by)} | ${cell(s.detail)} | ${s.position} |`;

const summary = (v: VersionRecord): string[] => [
  `- **Status:** ${v.status}`,
  `- **Drafted and revised by:** ${v.authors.join(', ') || '—'}`,
  `- **Validation:** ${v.validation ?? 'no verdict'}`,
  `- **Approved by:** ${v.approvedBy.join(', ') || '—'}${v.emergency ? ' — **EMERGENCY PATH**' : ''}`,
  `- **Signature:** ${v.signature ?? 'not signed'}`,
  `- **Digest:** \`${v.digest}\``,
];

/** The change record as Markdown, for a change ticket: a summary per version, then every step with its log position. */
export function reportMarkdown(report: PolicyReport): string {
  const out = [`# Change record: ${report.policyId}`, '', `Assembled from ${report.events} events of the audit log (positions cited below; \`edict audit verify\` proves the log they come from).`, ''];
  for (const v of report.versions) {
    out.push(`## Version ${v.version}`, '', ...summary(v), '', '| when (UTC) | step | by | details | log position |', '|---|---|---|---|---|', ...v.steps.map(stepRow), '');
  }
  if (report.policySteps.length > 0) out.push('## Kill switch', '', '| when (UTC) | step | by | details | log position |', '|---|---|---|---|---|', ...report.policySteps.map(stepRow), '');
  if (report.exceptions.length > 0) out.push(...exceptionsMarkdown(report.exceptions));
  return out.join('\n');
}

/** The exceptions' columns: what each waives, who asked and approved, when it ends and how it stands. */
export const exceptionColumns = ['id', 'rule', 'resource', 'requested by', 'approved by', 'expires', 'status', 'ticket', 'reasons'];
export const exceptionCells = (e: ExceptionRecord): string[] => [
  e.exceptionId, e.ruleId, `${e.resource}${e.subject ? ` (subject ${e.subject})` : ''}${e.agent ? ` (agents ${e.agent})` : ''}`, e.requestedBy, e.approvedBy.join(', ') || '—', e.expiresAt,
  e.status === 'revoked' ? `revoked by ${e.revokedBy ?? ''}` : e.status, e.ticket, `justification: ${e.justification}${e.revokeReason ? `; revoked: ${e.revokeReason}` : ''}`,
];

function exceptionsMarkdown(exceptions: readonly ExceptionRecord[]): string[] {
  return [
    '## Exceptions', '',
    `| ${exceptionColumns.join(' | ')} |`, `|${exceptionColumns.map(() => '---').join('|')}|`,
    ...exceptions.map((e) => `| ${exceptionCells(e).map(cell).join(' | ')} |`), '',
    '| exception | when (UTC) | step | by | details | log position |', '|---|---|---|---|---|---|',
    ...exceptions.flatMap((e) => e.steps.map((s) => `| ${e.exceptionId} |${stepRow(s).slice(1)}`)), '',
  ];
}
