import type { ContextSchema } from '../model/bundle-document.types';
import { LintCodes } from '../model/problem-codes';
import { contextReads } from '../cel/context-reads';
import type { LintFinding } from './lint-finding.types';
import type { RuleView } from './lint-rule-view';

const isObjectType = (s: ContextSchema): boolean =>
  s.type === undefined || s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'));

/** Why a path is not declared by the schema, or null when it is. */
function undeclared(schema: ContextSchema, path: readonly string[]): string | null {
  let node = schema;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const here = ['context', ...path.slice(0, i)].join('.');
    if (!isObjectType(node)) return `${here} is declared as ${String(node.type)}, which has no field '${key}'`;
    const child = node.properties?.[key];
    if (child) node = child;
    else if (node.properties === undefined || node.additionalProperties === true) return null;
    else return `${here} declares no field '${key}'`;
  }
  return null;
}

/** CEL that reads context fields the bundle's declared `spec.contextSchema` does not have. */
export function lintContextFields(ranked: readonly RuleView[], schema: ContextSchema | undefined): LintFinding[] {
  if (!schema) return [];
  const findings: LintFinding[] = [];
  for (const rule of ranked) {
    if (!rule.condition) continue;
    const seen = new Set<string>();
    for (const path of contextReads(rule.condition.ast)) {
      const reason = undeclared(schema, path);
      const field = ['context', ...path].join('.');
      if (!reason || seen.has(field)) continue;
      seen.add(field);
      findings.push({ code: LintCodes.UNDECLARED_CONTEXT_FIELD, severity: 'error', path: `spec.rules[${rule.index}].when`, ruleId: rule.id, message: `rule '${rule.id}' reads ${field}, which the context schema does not declare: ${reason}` });
    }
  }
  return findings;
}
