import { valid as validSemver } from 'semver';
import type { BundleProblem } from '../model/bundle-problem';
import { problem } from '../model/bundle-problem';
import { PolicyCodes } from '../model/problem-codes';
import { checkAllowListLocks } from '../allow-lists/check-allow-list-locks';
import { checkRolloutSchedule } from './check-rollout-schedule';
import { allowListsOf, isRecord, rulesOf, specOf } from './document-views';

/** The tokens an allow-list may not contain: each would allow everything. */
export const WILDCARD_TOKENS: ReadonlySet<string> = new Set(['*', 'all', 'any']);

/**
 * Rules of the format the JSON Schema cannot state: a semver version, unique rule ids,
 * unique test names, no wildcard in an allow-list, no unmeant empty allow-list, no drift from an
 * allow-list's lock file, and canary steps that increase to 100.
 */
export function checkSemantics(document: unknown): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const metadata = isRecord(document) ? document['metadata'] : undefined;
  const version = isRecord(metadata) ? metadata['version'] : undefined;
  if (typeof version === 'string' && validSemver(version) === null) {
    problems.push(problem(PolicyCodes.VERSION_INVALID, `metadata.version '${version}' is not a semantic version (e.g. 1.4.0)`, 'metadata.version'));
  }
  const firstRule = new Map<string, number>();
  for (const { rule, index } of rulesOf(document)) {
    const id = rule['id'];
    if (typeof id !== 'string') continue;
    const first = firstRule.get(id);
    if (first === undefined) firstRule.set(id, index);
    else problems.push(problem(PolicyCodes.RULE_ID_DUPLICATE, `rule id '${id}' is repeated (first at spec.rules[${first}])`, `spec.rules[${index}].id`));
  }
  const tests = specOf(document)?.['tests'];
  const firstTest = new Map<string, number>();
  (Array.isArray(tests) ? tests : []).forEach((test: unknown, index) => {
    const name = isRecord(test) ? test['name'] : undefined;
    if (typeof name !== 'string') return;
    const first = firstTest.get(name);
    if (first === undefined) firstTest.set(name, index);
    else problems.push(problem(PolicyCodes.TEST_NAME_DUPLICATE, `test name '${name}' is repeated (first at spec.tests[${first}])`, `spec.tests[${index}].name`));
  });
  for (const [name, entries] of allowListsOf(document)) {
    entries.forEach((entry, i) => {
      if (typeof entry === 'string' && WILDCARD_TOKENS.has(entry.trim().toLowerCase())) {
        problems.push(problem(PolicyCodes.ALLOWLIST_WILDCARD, `allow-list '${name}' contains the wildcard '${entry}'; list what is allowed instead`, `spec.settings.allowLists.${name}[${i}]`));
      }
    });
  }
  problems.push(...checkAllowListLocks(document), ...checkRolloutSchedule(document));
  return problems;
}
