import type { Command } from 'commander';
import { diffBundles, diffLines } from './bundle-diff';
import { callService } from './http-client';
import { colors, outputFormat, printAs, statusWord, table, withOutputOption, type OutputFormat } from './output-format';

const enc = encodeURIComponent;
const versionPath = (policyId: string, version: string): string => `/v1/bundles/${enc(policyId)}/versions/${enc(version)}`;

interface VersionSummary {
  readonly policyId: string;
  readonly version: string;
  readonly status: string;
  readonly authors?: readonly string[];
  readonly approvals: readonly { readonly subject: string; readonly role: string }[];
  readonly missingApprovals: readonly string[];
  readonly emergency?: { readonly approver: string; readonly reason: string; readonly review: string; readonly confirmedBy?: string };
}

interface VersionStatus extends VersionSummary {
  readonly stage: string;
  readonly digest: string;
  readonly validation: { readonly outcome: string; readonly problems?: readonly { readonly code: string; readonly message: string; readonly path?: string }[]; readonly report?: { readonly checks: readonly { readonly name: string; readonly status: string; readonly summary: string }[] } };
  readonly signature: { readonly signed: boolean; readonly kid?: string; readonly signedAt?: string };
  readonly serving: { readonly as?: readonly string[]; readonly unavailable?: string; readonly killSwitch?: { readonly mode: string } };
}

const approvals = (v: VersionSummary): string => v.approvals.map((a) => `${a.subject} (${a.role})`).join(', ');
const emergencyText = (v: VersionSummary): string =>
  v.emergency ? `emergency by ${v.emergency.approver}: ${v.emergency.reason}; follow-up review ${statusWord(v.emergency.review)}${v.emergency.confirmedBy ? ` by ${v.emergency.confirmedBy}` : ''}` : '';

function statusLines(s: VersionStatus): string[] {
  const rows: [string, string][] = [
    ['stage', statusWord(s.stage)],
    ['digest', s.digest],
    ['authors', (s.authors ?? []).join(', ')],
    ['validation', statusWord(s.validation.outcome)],
    ['approvals', approvals(s) || '(none)'],
    ['missing approvals', s.missingApprovals.join(', ') || '(none)'],
  ];
  if (s.emergency) rows.push(['emergency', emergencyText(s)]);
  rows.push(['signature', s.signature.signed ? `${statusWord('signed')} (${s.signature.kid ?? '?'}, ${s.signature.signedAt ?? '?'})` : 'not signed']);
  rows.push(['serving', s.serving.unavailable ? `${statusWord('unavailable')}: ${s.serving.unavailable}` : s.serving.as && s.serving.as.length > 0 ? s.serving.as.join(', ') : 'not serving']);
  if (s.serving.killSwitch) rows.push(['kill switch', colors.red(s.serving.killSwitch.mode)]);
  const lines = [colors.bold(`${s.policyId}@${s.version}`), table(['', ''], rows)];
  const checks = s.validation.report?.checks ?? [];
  if (checks.length > 0) lines.push(table(['check', 'status', 'summary'], checks.map((c) => [c.name, statusWord(c.status), c.summary])));
  for (const p of s.validation.problems ?? []) lines.push(`${colors.red('error')} ${p.code} ${p.message}${p.path ? ` (at ${p.path})` : ''}`);
  return lines;
}

/** `edict bundle list|status|diff`: browse the registry (authoring). */
export function registerBundleBrowseCommands(bundle: Command): void {
  withOutputOption(bundle.command('list').description('list versions: of one policy (--policy), or of every policy'))
    .option('--policy <id>', 'only this policy')
    .option('--limit <n>', 'at most this many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts: { policy?: string; limit: string; offset: string; output?: OutputFormat }) => {
      const query = new URLSearchParams({ limit: opts.limit, offset: opts.offset, ...(opts.policy ? { policyId: opts.policy } : {}) });
      const answer = (await callService('authoring', `/v1/bundles?${query.toString()}`)) as { items: VersionSummary[]; total: number };
      printAs(outputFormat(opts), answer, () => [
        table(['policy', 'version', 'status', 'authors', 'approvals', 'missing', 'emergency'], answer.items.map((v) => [
          v.policyId, v.version, statusWord(v.status), (v.authors ?? []).join(', '), approvals(v), v.missingApprovals.join(', '), v.emergency ? `review ${v.emergency.review}` : '',
        ])),
        `${answer.items.length} of ${answer.total}`,
      ]);
    });
  withOutputOption(bundle.command('status <policyId> <version>').description("a version's whole status: validation, approvals, emergency review, signature, serving"))
    .action(async (policyId: string, version: string, opts: { output?: OutputFormat }) => {
      const status = (await callService('authoring', `${versionPath(policyId, version)}/status`)) as VersionStatus;
      printAs(outputFormat(opts), status, () => statusLines(status));
    });
  withOutputOption(bundle.command('diff <policyId> <from> <to>').description('what changed between two versions: rules (which field) and settings'))
    .action(async (policyId: string, from: string, to: string, opts: { output?: OutputFormat }) => {
      const [a, b] = (await Promise.all([from, to].map((v) => callService('authoring', versionPath(policyId, v))))) as { document: unknown }[];
      const diff = diffBundles(a?.document, b?.document, { from: `${policyId}@${from}`, to: `${policyId}@${to}` });
      printAs(outputFormat(opts), diff, () => diffLines(diff).map((line) => (line.startsWith('+') ? colors.green(line) : line.startsWith('-') ? colors.red(line) : line.startsWith('~') ? colors.yellow(line) : colors.bold(line))));
    });
}
