import type { ChangeStep, PolicyReport, VersionRecord } from './audit-report';

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
  return out.join('\n');
}
