import Table from 'cli-table3';
import type { ValidationReport } from '@edict/contracts';

export interface ReportAnswer {
  readonly policyId: string;
  readonly version: string;
  readonly outcome: string;
  readonly report?: ValidationReport;
}

/** How a report is printed: `table` for people, `json` or `yaml` for machines; default table on a TTY, json when piped. */
export type ReportOutput = 'table' | 'json' | 'yaml';

export function outputOf(option: string | undefined, isTty = Boolean(process.stdout.isTTY)): ReportOutput {
  if (option === undefined) return isTty ? 'table' : 'json';
  if (option !== 'table' && option !== 'json' && option !== 'yaml') throw new Error(`--output must be table, json or yaml, not '${option}'`);
  return option;
}

/** One row per check (name, status, summary), then every finding with its line:column. */
export function formatReportTable(answer: ReportAnswer): string {
  const lines = [`${answer.policyId}@${answer.version}: ${answer.outcome}`];
  const checks = answer.report?.checks ?? [];
  if (checks.length === 0) return `${lines[0] ?? ''}\n(no report: this verdict was recorded before the service ran the whole suite)\n`;
  const table = new Table({ head: ['check', 'status', 'summary'], style: { head: [], border: [] }, wordWrap: true });
  for (const c of checks) table.push([c.name, c.status, c.summary]);
  lines.push(table.toString());
  const findings = checks.flatMap((c) => c.findings.map((f) => ({ check: c.name, ...f })));
  if (findings.length > 0) lines.push('', 'findings:');
  for (const f of findings) {
    const at = f.line !== undefined ? `${f.file ? `${f.file}:` : ''}${f.line}:${f.column ?? 1}` : (f.path ?? '-');
    lines.push(`  ${at} ${f.severity} ${f.code} [${f.check}] ${f.message}${f.line !== undefined && f.path ? ` (at ${f.path})` : ''}`);
  }
  const parents = answer.report?.parents ?? [];
  if (parents.length > 0) lines.push('', `judged against: ${parents.map((p) => `${p.policyId}@${p.version} (${p.as})`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
