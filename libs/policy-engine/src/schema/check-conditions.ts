import { compileCondition } from '../cel/compile-condition';
import type { BundleProblem } from '../model/bundle-problem';
import { problem } from '../model/bundle-problem';
import { rulesOf } from './document-views';

/** Compiles every rule's `when`; a condition that does not compile is a validation error. */
export function checkConditions(document: unknown): BundleProblem[] {
  const problems: BundleProblem[] = [];
  for (const { rule, index } of rulesOf(document)) {
    const when = rule['when'];
    if (typeof when !== 'string') continue;
    const compiled = compileCondition(when);
    if (compiled.ok) continue;
    const id = typeof rule['id'] === 'string' ? ` of rule '${rule['id']}'` : '';
    for (const p of compiled.problems) problems.push(problem(p.code, `condition${id}: ${p.message}`, `spec.rules[${index}].when`));
  }
  return problems;
}
