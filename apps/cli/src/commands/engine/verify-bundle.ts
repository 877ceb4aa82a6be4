import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { allowListDrift, createLocator, parseBundleText, parseLockText, type AllowListDrift, type BundleSettings, type Locator } from '@edict/policy-engine';
import { loadBundle } from './load-bundle';
import { VerifyCodes, type VerifyFinding } from './verify-finding';

export interface VerifyOptions {
  /** restriction flags CI allows off (`--allow-disabled`); `'all'` for EDICT_CI_ALLOW_DISABLE=1 */
  readonly allowDisabled: readonly string[] | 'all';
  readonly requireLocks: boolean;
}

/** What the summary records of one bundle: its identity, settings and each lock's drift. */
export interface BundleSummary {
  readonly file: string;
  readonly policyId: string | null;
  readonly version: string | null;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly allowLists: Readonly<Record<string, readonly string[]>>;
  readonly allowListsEmptyMeansNone: readonly string[];
  readonly locks: Readonly<Record<string, { readonly file: string; readonly present: boolean; readonly drift: AllowListDrift | null }>>;
  readonly findings: readonly VerifyFinding[];
}

const at = (file: string, locate: Locator | undefined, path: string): Pick<VerifyFinding, 'file' | 'line' | 'column'> => {
  const position = locate?.(path);
  return { file, ...(position && { line: position.line, column: position.column }) };
};

/**
 * Verifies one bundle file for CI: it validates (wildcards, empty allow-lists, lock drift are
 * validation errors, kept with their POLICY.* codes), every restriction flag is on unless CI
 * allows it off, each lock file it names exists beside it, and (with requireLocks) every
 * allow-list is locked.
 */
export function verifyBundle(file: string, options: VerifyOptions): BundleSummary {
  const loaded = loadBundle(file);
  const original = readFileSync(file, 'utf8');
  const locate = (() => {
    try {
      return createLocator(original);
    } catch {
      return undefined;
    }
  })();
  const findings: VerifyFinding[] = loaded.problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({ severity: 'error' as const, code: p.code, message: p.message, file, ...(p.line !== undefined && { line: p.line }), ...(p.column !== undefined && { column: p.column }) }));
  // a bundle that fails validation is still read for its flags and locks, so CI sees every finding at once
  const parsed = loaded.ok ? undefined : parseBundleText(original, { filename: file });
  const document = (loaded.ok ? loaded.document : parsed?.ok ? parsed.document : undefined) as { metadata?: { policyId?: string; version?: string }; spec?: { settings?: BundleSettings } } | undefined;
  const settings: BundleSettings = document?.spec?.settings ?? {};
  const flags = settings.flags ?? {};
  for (const [name, on] of Object.entries(flags)) {
    if (on) continue;
    const allowed = options.allowDisabled === 'all' || options.allowDisabled.includes(name);
    findings.push({
      severity: allowed ? 'warning' : 'error',
      code: VerifyCodes.ENFORCEMENT_OFF,
      message: allowed ? `restriction flag '${name}' is off (allowed by the CI override)` : `restriction flag '${name}' is off; turn it on, or allow it off in CI with --allow-disabled ${name} (or EDICT_CI_ALLOW_DISABLE=1)`,
      ...at(file, locate, `spec.settings.flags.${name}`),
    });
  }
  const allowLists = settings.allowLists ?? {};
  const locks: Record<string, { file: string; present: boolean; drift: AllowListDrift | null }> = {};
  for (const [name, lock] of Object.entries(settings.allowListLocks ?? {})) {
    const path = resolve(dirname(file), lock.file);
    const present = existsSync(path);
    const text = present ? readFileSync(path, 'utf8') : lock.text;
    if (!present) findings.push({ severity: 'error', code: VerifyCodes.LOCK_FILE_MISSING, message: `the lock file ${lock.file} of allow-list '${name}' is not beside the bundle`, ...at(file, locate, `spec.settings.allowListLocks.${name}.file`) });
    const entries = allowLists[name];
    locks[name] = { file: lock.file, present, drift: entries !== undefined && text !== undefined ? allowListDrift(entries, parseLockText(text)) : null };
  }
  if (options.requireLocks) {
    for (const name of Object.keys(allowLists).filter((n) => locks[n] === undefined)) {
      findings.push({ severity: 'error', code: VerifyCodes.ALLOW_LIST_UNLOCKED, message: `allow-list '${name}' has no lock file (spec.settings.allowListLocks.${name})`, ...at(file, locate, `spec.settings.allowLists.${name}`) });
    }
  }
  return {
    file,
    policyId: document?.metadata?.policyId ?? null,
    version: document?.metadata?.version ?? null,
    flags,
    allowLists,
    allowListsEmptyMeansNone: settings.allowListsEmptyMeansNone ?? [],
    locks,
    findings,
  };
}
