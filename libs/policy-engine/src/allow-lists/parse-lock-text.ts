/**
 * The tokens of an allow-list lock file (the egress runbook's `policy_allowlist.lock`): one
 * token a line, surrounding blanks trimmed; blank lines and lines starting with `#` skipped.
 */
export function parseLockText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** What an allow-list has that its lock lacks (`added`) and what the lock has that the list lacks (`removed`). */
export interface AllowListDrift {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** The drift between an allow-list and its lock's tokens; both empty means they match (order and repeats ignored). */
export function allowListDrift(entries: readonly string[], lockTokens: readonly string[]): AllowListDrift {
  const [list, lock] = [new Set(entries), new Set(lockTokens)];
  return { added: [...list].filter((e) => !lock.has(e)), removed: [...lock].filter((e) => !list.has(e)) };
}
