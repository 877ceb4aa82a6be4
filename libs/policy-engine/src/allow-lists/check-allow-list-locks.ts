import type { BundleProblem } from '../model/bundle-problem';
import { problem } from '../model/bundle-problem';
import { PolicyCodes } from '../model/problem-codes';
import { allowListsOf, isRecord, specOf } from '../schema/document-views';
import { allowListDrift, parseLockText } from './parse-lock-text';

const quoted = (items: readonly string[]): string => items.map((i) => `'${i}'`).join(', ');

/** `spec.settings` when it is an object. */
const settingsOf = (document: unknown): Record<string, unknown> => {
  const settings = specOf(document)?.['settings'];
  return isRecord(settings) ? settings : {};
};

/**
 * Allow-list governance (the egress runbook): an empty allow-list is an error unless
 * `spec.settings.allowListsEmptyMeansNone` names it, and a list pinned in
 * `spec.settings.allowListLocks` must carry its lock file's text (`text`, embedded by the CLI from
 * `file`) and match it exactly; a drift names what was added and removed.
 */
export function checkAllowListLocks(document: unknown): BundleProblem[] {
  const settings = settingsOf(document);
  const lists = new Map(allowListsOf(document));
  const meansNone = new Set(Array.isArray(settings['allowListsEmptyMeansNone']) ? settings['allowListsEmptyMeansNone'].filter((n): n is string => typeof n === 'string') : []);
  const problems: BundleProblem[] = [];
  for (const [name, entries] of lists) {
    const path = `spec.settings.allowLists.${name}`;
    if (entries.length === 0 && !meansNone.has(name)) {
      problems.push(problem(PolicyCodes.ALLOWLIST_EMPTY, `allow-list '${name}' is empty; list what is allowed, or name it in spec.settings.allowListsEmptyMeansNone if it means nothing is allowed`, path));
    }
    if (entries.length > 0 && meansNone.has(name)) {
      problems.push(problem(PolicyCodes.ALLOWLIST_EMPTY_MEANS_NONE_CONFLICT, `allow-list '${name}' is named in allowListsEmptyMeansNone but is not empty`, path));
    }
  }
  [...meansNone].filter((name) => !lists.has(name)).forEach((name) => {
    problems.push(problem(PolicyCodes.ALLOWLIST_UNKNOWN, `allowListsEmptyMeansNone names '${name}', which is not an allow-list of this bundle`, 'spec.settings.allowListsEmptyMeansNone'));
  });
  const locks = isRecord(settings['allowListLocks']) ? settings['allowListLocks'] : {};
  for (const [name, lock] of Object.entries(locks)) {
    const path = `spec.settings.allowListLocks.${name}`;
    if (!isRecord(lock)) continue;
    const entries = lists.get(name);
    const file = typeof lock['file'] === 'string' ? lock['file'] : '(no file)';
    if (entries === undefined) {
      problems.push(problem(PolicyCodes.ALLOWLIST_UNKNOWN, `allowListLocks names '${name}', which is not an allow-list of this bundle`, path));
      continue;
    }
    if (typeof lock['text'] !== 'string') {
      problems.push(problem(PolicyCodes.ALLOWLIST_LOCK_MISSING, `the lock file ${file} of allow-list '${name}' is not embedded (text); draft with the edict CLI, which embeds it, or put the file's text in ${path}.text`, path));
      continue;
    }
    const drift = allowListDrift(entries.filter((e): e is string => typeof e === 'string'), parseLockText(lock['text']));
    if (drift.added.length > 0 || drift.removed.length > 0) {
      const parts = [drift.added.length > 0 && `added ${quoted(drift.added)} (not in the lock)`, drift.removed.length > 0 && `removed ${quoted(drift.removed)} (in the lock, not in the list)`].filter(Boolean);
      problems.push(problem(PolicyCodes.ALLOWLIST_LOCK_DRIFT, `allow-list '${name}' drifted from its lock file ${file}: ${parts.join('; ')}; update the lock file in its own reviewed change`, `spec.settings.allowLists.${name}`));
    }
  }
  return problems;
}
