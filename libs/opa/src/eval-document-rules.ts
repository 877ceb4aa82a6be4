import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { regoRootOf } from '@edict/opa-bundle';
import { checkModuleNames } from './module-names';
import { isObject, objectsIn, parseJson } from './opa-json';
import type { RegoSource } from './rego-source.types';
import { withRegoWorkspace } from './rego-workspace';
import { runOpa } from './run-opa';

/** One message of a `deny`, `violation` or `warn` rule (conftest's conventions), with its package. */
export interface DocumentRuleMessage {
  readonly package: string;
  readonly rule: 'deny' | 'violation' | 'warn';
  readonly message: string;
}

export type DocumentRulesResult =
  | { readonly ok: true; readonly failures: readonly DocumentRuleMessage[]; readonly warnings: readonly DocumentRuleMessage[] }
  | { readonly ok: false; readonly message: string };

const RULES = ['deny', 'violation', 'warn'] as const;

/** The `package` of each module that is not a test (`*_test.rego`), each once, in module order. */
export function packagesOf(modules: Readonly<Record<string, string>>): string[] {
  const found = Object.entries(modules).flatMap(([name, source]) => {
    const m = /^\s*package\s+([^\s#]+)/m.exec(source);
    return m?.[1] && !name.endsWith('_test.rego') ? [m[1]] : [];
  });
  return [...new Set(found)];
}

/** A rule's message: a string, or `msg` of an object (conftest), else the value as JSON. */
const messageOf = (value: unknown): string =>
  typeof value === 'string' ? value : isObject(value) && typeof value['msg'] === 'string' ? value['msg'] : JSON.stringify(value);

/**
 * Evaluates a whole document as `input` against the bundle's Rego with the real `opa eval`, as
 * conftest does: every `deny` and `violation` message of every package is a failure, every
 * `warn` a warning. The data sits at the policy's root, as in the OPA bundle.
 */
export async function evalDocumentRules(rego: RegoSource, input: unknown, options: { readonly opaPath: string; readonly policyId: string; readonly timeoutMs: number }): Promise<DocumentRulesResult> {
  const modules = rego.modules ?? {};
  const refused = checkModuleNames(Object.keys(modules));
  if (refused.length > 0) return { ok: false, message: refused.map((p) => p.message).join('; ') };
  const packages = packagesOf(modules);
  if (packages.length === 0) return { ok: false, message: 'spec.rego has no package to evaluate' };
  const inputDir = mkdtempSync(join(tmpdir(), 'edict-check-input-'));
  try {
    const inputFile = join(inputDir, 'input.json');
    writeFileSync(inputFile, JSON.stringify(input), { mode: 0o600 });
    const query = `{${packages.map((p, i) => `"${i}": object.filter(object.union({"deny": set(), "violation": set(), "warn": set()}, data.${p}), ["deny", "violation", "warn"])`).join(', ')}}`;
    return await withRegoWorkspace(rego, regoRootOf(options.policyId), async (dir) => {
      const run = await runOpa(options.opaPath, ['eval', '--format', 'json', '--data', dir, '--input', inputFile, query], dir, options.timeoutMs);
      if (run.kind !== 'exited') return { ok: false, message: `opa eval did not answer: ${run.kind === 'timeout' ? `no answer within ${run.timeoutMs} ms` : run.message}` };
      const parsed = parseJson(run.stdout);
      const value = isObject(parsed) ? objectsIn(objectsIn(parsed['result'])[0]?.['expressions'])[0]?.['value'] : undefined;
      if (run.code !== 0 || !isObject(value)) return { ok: false, message: `opa eval failed (exit ${run.code}): ${(run.stderr || run.stdout).trim().slice(0, 2000)}` };
      const messages = packages.flatMap((pkg, i) => {
        const rules = value[String(i)];
        return RULES.flatMap((rule) => (isObject(rules) && Array.isArray(rules[rule]) ? (rules[rule] as unknown[]).map((v) => ({ package: pkg, rule, message: messageOf(v) })) : []));
      });
      return { ok: true, failures: messages.filter((m) => m.rule !== 'warn'), warnings: messages.filter((m) => m.rule === 'warn') };
    });
  } finally {
    rmSync(inputDir, { recursive: true, force: true });
  }
}
