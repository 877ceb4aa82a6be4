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

interface VersionShown extends VersionSummary {
  readonly digest: string;
  readonly document?: { readonly metadata?: { readonly notes?: string }; readonly spec?: { readonly defaultEffect?: string; readonly rules?: readonly { readonly id: string; readonly priority?: number; readonly effect: string; readonly match?: unknown; readonly when?: string }[] } };
}

function showLines(v: VersionShown): string[] {
  const rows: [string, string][] = [['status', statusWord(v.status)], ['digest', v.digest], ['authors', (v.authors ?? []).join(', ')], ['approvals', approvals(v) || '(none)']];
  if (v.emergency) rows.push(['emergency', emergencyText(v)]);
  if (v.document?.metadata?.notes) rows.push(['notes', v.document.metadata.notes]);
  rows.push(['default effect', v.document?.spec?.defaultEffect ?? 'deny']);
  const rules = v.document?.spec?.rules ?? [];
  return [colors.bold(`${v.policyId}@${v.version}`), table(['', ''], rows), table(['rule', 'priority', 'effect', 'match', 'when'], rules.map((r) => [r.id, r.priority ?? 0, r.effect, r.match ?? {}, r.when ?? '']))];
}

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

/** `edict bundle show|list|status|diff`: browse the registry (authoring). */
export function registerBundleBrowseCommands(bundle: Command): void {
  withOutputOption(bundle.command('show <policyId> [version]').description('show a policy line, or one version with its document'))
    .action(async (policyId: string, version: string | undefined, opts: { output?: OutputFormat }) => {
      if (version === undefined) {
        const line = (await callService('authoring', `/v1/bundles/${enc(policyId)}`)) as { versions: VersionSummary[] };
        return printAs(outputFormat(opts), line, () => [table(['version', 'status', 'authors', 'approvals', 'emergency'], line.versions.map((v) => [v.version, statusWord(v.status), (v.authors ?? []).join(', '), approvals(v), v.emergency ? `review ${v.emergency.review}` : '']))]);
      }
      const shown = (await callService('authoring', versionPath(policyId, version))) as VersionShown;
      printAs(outputFormat(opts), shown, () => showLines(shown));
    });
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
