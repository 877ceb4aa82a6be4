/** One thing `edict verify` found, located in a bundle file where it can be. */
export interface VerifyFinding {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** Stable codes of `edict verify`'s own findings (validation problems keep their POLICY.* codes). */
export const VerifyCodes = {
  /** a restriction flag turned off, without the CI override */
  ENFORCEMENT_OFF: 'VERIFY.ENFORCEMENT_OFF',
  /** a lock file named in allowListLocks is not beside the bundle */
  LOCK_FILE_MISSING: 'VERIFY.LOCK_FILE_MISSING',
  /** an allow-list without a lock file (only with --require-locks) */
  ALLOW_LIST_UNLOCKED: 'VERIFY.ALLOW_LIST_UNLOCKED',
  /** the policy made blocked decisions in the window asked about */
  BLOCKED_DECISIONS: 'VERIFY.BLOCKED_DECISIONS',
} as const;

// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions annotation: `::error file=…,line=…,col=…,title=CODE::message`. */
export function githubAnnotation(f: VerifyFinding): string {
  const props = [
    f.file !== undefined && `file=${escapeProperty(f.file)}`,
    f.line !== undefined && `line=${f.line}`,
    f.column !== undefined && `col=${f.column}`,
    `title=${escapeProperty(f.code)}`,
  ].filter((p): p is string => typeof p === 'string');
  return `::${f.severity} ${props.join(',')}::${escapeData(f.message)}`;
}

/** The plain line: `file:line:column: error CODE message`. */
export function findingLine(f: VerifyFinding): string {
  const where = f.file === undefined ? '' : `${f.file}${f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : ''}: `;
  return `${where}${f.severity} ${f.code} ${f.message}`;
}
