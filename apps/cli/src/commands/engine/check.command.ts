import { basename } from 'node:path';
import type { Command } from 'commander';
import { checkDocumentItems, documentRequests, type CheckedItem } from '@edict/policy-engine';
import { evalDocumentRules } from '@edict/opa';
import { InvalidArgumentError } from 'commander';
import { printAs, table } from '../platform/output-format';
import { checkTiers, type CheckTiers } from './check-policy-source';
import { collect } from './collect-option';
import { findOpa } from './find-opa';
import { readDocuments } from './read-documents';
import { writeLines } from './write-output';

/** One line of the report, as conftest prints it. */
interface CheckLine {
  readonly file: string;
  readonly outcome: 'PASS' | 'FAIL' | 'WARN';
  readonly policyId: string;
  readonly rule: string | null;
  readonly resource: string | null;
  readonly message: string;
}

const REGO_TIMEOUT_MS = 60_000;

async function regoLines(file: string, documents: readonly unknown[], source: CheckTiers): Promise<CheckLine[] | string> {
  const withRego = source.tiers.filter((t) => Object.keys(t.document.spec.rego?.modules ?? {}).length > 0);
  if (withRego.length === 0) return [];
  const opa = findOpa();
  if (!opa) return `the Rego of ${withRego.map((t) => t.policyId).join(', ')} cannot be checked: no opa found (set OPA_PATH or put opa on PATH)`;
  const lines: CheckLine[] = [];
  for (const tier of withRego) {
    for (const document of documents) {
      const result = await evalDocumentRules(tier.document.spec.rego ?? {}, document, { opaPath: opa.path, policyId: tier.policyId, timeoutMs: REGO_TIMEOUT_MS });
      if (!result.ok) return `${tier.policyId}: ${result.message}`;
      if (result.failures.length === 0) lines.push({ file, outcome: 'PASS', policyId: tier.policyId, rule: null, resource: null, message: 'no deny or violation' });
      for (const m of [...result.failures, ...result.warnings]) lines.push({ file, outcome: m.rule === 'warn' ? 'WARN' : 'FAIL', policyId: tier.policyId, rule: `${m.package}.${m.rule}`, resource: null, message: m.message });
    }
  }
  return lines;
}

const itemLine = (file: string, policyId: string, item: CheckedItem): CheckLine => ({
  file,
  outcome: item.passed ? 'PASS' : 'FAIL',
  policyId: item.policyId ?? policyId,
  rule: item.rule,
  resource: item.label,
  message: item.reason,
});

/** conftest's lines (the default, also in a pipe: CI logs read them), a table, or JSON. */
type CheckOutput = 'text' | 'table' | 'json' | 'yaml';

const parseCheckOutput = (value: string): CheckOutput => {
  if (value !== 'text' && value !== 'table' && value !== 'json' && value !== 'yaml') throw new InvalidArgumentError(`'${value}' is not one of: text, table, json, yaml`);
  return value;
};

const render = (lines: readonly CheckLine[], verbose: boolean, format: CheckOutput): string[] => {
  const shown = lines.filter((l) => verbose || l.outcome !== 'PASS');
  const failed = lines.filter((l) => l.outcome === 'FAIL').length;
  const warned = lines.filter((l) => l.outcome === 'WARN').length;
  const summary = `${lines.length} tests, ${lines.length - failed - warned} passed, ${warned} warnings, ${failed} failures`;
  if (format === 'table' && shown.length > 0) {
    return [table(['result', 'file', 'policy', 'rule', 'resource', 'message'], shown.map((l) => [l.outcome, l.file, l.policyId, l.rule ?? '', l.resource ?? '', l.message])), '', summary];
  }
  return [...shown.map((l) => `${l.outcome} - ${l.file} - ${l.policyId} - ${l.rule ?? '(default)'}: ${l.message}${l.resource ? ` (${l.resource})` : ''}`), '', summary];
};

/**
 * `edict check <document…> --policy <bundle file | policy id>`: conftest's job for Edict. Every
 * item of each document (a Terraform plan's resource changes, Kubernetes objects, or a shape
 * mapped by the bundle's `spec.inputs`) is decided against the tier chain; a bundle's Rego runs
 * through the real `opa eval` on the whole document (deny/violation/warn). Exit 1 on any failure.
 */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('gate whole documents in CI (a Terraform plan, Kubernetes manifests, your own shapes): each item is a decision; exit 1 when any fails')
    .argument('<documents...>', 'JSON or YAML files (terraform show -json output, manifests, …)')
    .requiredOption('--policy <bundle-or-id>', 'a bundle file (offline), or a policy id whose serving version distribution gives (online, needs EDICT_TOKEN)')
    .option('--parent <bundle>', 'offline: a parent tier bundle file (repeatable)', collect, [])
    .option('--input <name>', "how to read the documents: a mapping of the bundle's spec.inputs, or terraform-plan, kubernetes")
    .option('--verbose', 'also list the items that passed')
    .option('--output <format>', 'text (conftest lines, the default) | table | json | yaml', parseCheckOutput, 'text' as CheckOutput)
    .addHelpText('after', '\nExit codes: 0 every item passed, 1 a failure (or a document or policy that cannot be read), 2 usage.\n\nExample:\n  terraform show -json plan.out > tfplan.json\n  edict check tfplan.json --policy examples/bundles/org/infrastructure.yaml')
    .action(async (files: string[], opts: { policy: string; parent: string[]; input?: string; verbose?: boolean; output: CheckOutput }) => {
      const source = await checkTiers(opts.policy, opts.parent);
      if (!source) return;
      const checked = source.tiers[source.tiers.length - 1]!;
      const hasRules = source.tiers.some((t) => (t.document.spec.rules ?? []).length > 0);
      const lines: CheckLine[] = [];
      for (const path of files) {
        const file = basename(path);
        const documents = readDocuments(path);
        if (hasRules) {
          const requests = documentRequests(documents, checked.document.spec.inputs ?? [], opts.input);
          if (!requests.ok) throw new Error(`${path}: ${requests.message}`);
          lines.push(...checkDocumentItems(source.tiers, requests.items).map((item) => itemLine(file, source.policyId, item)));
        }
        const rego = await regoLines(file, documents, source);
        if (typeof rego === 'string') throw new Error(rego);
        lines.push(...rego);
      }
      if (lines.some((l) => l.outcome === 'FAIL')) process.exitCode = 1;
      const format = opts.output;
      if (format === 'json' || format === 'yaml') {
        printAs(format, { policyId: source.policyId, version: source.version, from: source.where, results: lines }, () => []);
        return;
      }
      await writeLines(render(lines, opts.verbose === true, format));
    });
}
