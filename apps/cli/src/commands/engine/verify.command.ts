import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { collect } from './collect-option';
import { verifyBundle, type BundleSummary } from './verify-bundle';
import { decisionsSince, parseWindow, type DecisionsSummary } from './verify-decisions';
import { findingLine, githubAnnotation, VerifyCodes, type VerifyFinding } from './verify-finding';
import { writeLines } from './write-output';

interface VerifyCliOptions {
  readonly summaryOut?: string;
  readonly allowDisabled: string[];
  readonly requireLocks?: boolean;
  readonly policy?: string;
  /** commander's negatable option: true when not given, the duration when given */
  readonly blockedSince: string | boolean;
  readonly since: string;
}

const duration = (value: string): string => {
  if (parseWindow(value) === undefined) throw new InvalidArgumentError(`'${value}' is not a duration like 30s, 15m, 2h or 1d`);
  return value;
};

const HELP = `
Checks, for CI (the egress runbook's verification rules):
  every restriction flag (spec.settings.flags) is on, unless --allow-disabled <flag> or EDICT_CI_ALLOW_DISABLE=1
  allow-lists are not empty (unless named in allowListsEmptyMeansNone) and hold no wildcard (*, all, any)
  each allow-list matches its lock file (spec.settings.allowListLocks); --require-locks: every list has one
  with --no-blocked-since 15m: the policy made no blocked (deny, require_approval) decision in the last 15 minutes

Annotations: with GITHUB_ACTIONS=true, each finding is also a ::error/::warning workflow command.

Exit codes: 0 every check passed (warnings allowed), 1 a check failed or a bundle cannot be read,
  2 usage (bad option or duration, nothing to verify), 5 unauthorised, 6 decision-log unreachable.

Example:
  edict verify policies/egress.yaml --summary-out egress-summary.json --policy org/egress --no-blocked-since 15m`;

/** `edict verify [bundle…]`: allow-list governance and enforcement checks for CI, with a summary JSON artefact. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('CI gate: enforcement flags on, allow-lists non-empty without wildcards and matching their lock files, optionally no recent blocked decisions')
    .argument('[bundles...]', 'bundle files (YAML or JSON)')
    .option('--summary-out <file>', 'write the summary JSON (settings, counts, recent blocked decisions, findings) here')
    .option('--allow-disabled <flag>', 'a restriction flag CI allows off (repeatable)', collect, [])
    .option('--require-locks', 'every allow-list must be pinned by a lock file')
    .option('--policy <id>', 'ask decision-log about this policy (default: the bundles\' policies, when a decision check is asked for)')
    .option('--no-blocked-since <duration>', 'fail when the policy made a blocked decision in this window (e.g. 15m)', duration)
    .option('--since <duration>', 'the window of the decision counts in the summary, when --policy is given', duration, '1h')
    .addHelpText('after', HELP)
    .action(async (files: string[], opts: VerifyCliOptions) => {
      const failOnBlocked = typeof opts.blockedSince === 'string' ? opts.blockedSince : undefined;
      if (files.length === 0 && opts.policy === undefined) {
        await writeLines(['edict: verify: give bundle files, --policy, or both (add --help for usage)'], process.stderr);
        process.exitCode = 2;
        return;
      }
      const allowDisabled = process.env['EDICT_CI_ALLOW_DISABLE'] === '1' ? ('all' as const) : opts.allowDisabled;
      const bundles: BundleSummary[] = files.map((file) => verifyBundle(file, { allowDisabled, requireLocks: opts.requireLocks === true }));
      const findings: VerifyFinding[] = bundles.flatMap((b) => b.findings);
      const policies = opts.policy !== undefined ? [opts.policy] : failOnBlocked !== undefined ? [...new Set(bundles.flatMap((b) => (b.policyId ? [b.policyId] : [])))] : [];
      const windowMs = parseWindow(failOnBlocked ?? opts.since)!;
      const decisions: DecisionsSummary[] = [];
      for (const policyId of policies) {
        const summary = await decisionsSince(policyId, new Date(Date.now() - windowMs));
        decisions.push(summary);
        const hosts = [...new Set(summary.recentBlocked.map((d) => d.resource))];
        if (summary.counts.blocked > 0) {
          findings.push({
            severity: failOnBlocked !== undefined ? 'error' : 'warning',
            code: VerifyCodes.BLOCKED_DECISIONS,
            message: `${policyId} blocked ${summary.counts.blocked}${summary.counts.truncated ? '+' : ''} decision(s) since ${summary.since}: ${hosts.join(', ')}`,
          });
        }
      }
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.length - errors;
      const summary = { ok: errors === 0, generatedAt: new Date().toISOString(), bundles, decisions, findings };
      if (opts.summaryOut !== undefined) writeFileSync(opts.summaryOut, `${JSON.stringify(summary, null, 2)}\n`);
      const annotations = process.env['GITHUB_ACTIONS'] === 'true' ? findings.map(githubAnnotation) : [];
      const counts = decisions.map((d) => `${d.policyId}: ${d.counts.allowed} allowed, ${d.counts.blocked} blocked since ${d.since}`);
      await writeLines([...findings.map(findingLine), ...annotations, ...counts, `verify: ${bundles.length} bundle(s), ${errors} error(s), ${warnings} warning(s)`]);
      if (errors > 0) process.exitCode = 1;
    });
}
