/**
 * Stable codes of everything the engine reports (STYLE.md §7). Clients match on these, so a
 * code is never renamed or reused; messages may change.
 */
export const PolicyCodes = {
  /** compileBundle was given a document with errors; `details.problems` lists them. */
  INVALID_BUNDLE: 'POLICY.INVALID_BUNDLE',
  BUNDLE_TOO_LARGE: 'POLICY.BUNDLE_TOO_LARGE',
  BUNDLE_TOO_DEEP: 'POLICY.BUNDLE_TOO_DEEP',
  BUNDLE_SYNTAX: 'POLICY.BUNDLE_SYNTAX',
  /** A number that is not finite (YAML `.inf`, `.nan`; JSON `1e400`): it would not survive JSON. */
  BUNDLE_NON_FINITE_NUMBER: 'POLICY.BUNDLE_NON_FINITE_NUMBER',
  UNKNOWN_FIELD: 'POLICY.UNKNOWN_FIELD',
  FIELD_MISSING: 'POLICY.FIELD_MISSING',
  FIELD_TYPE: 'POLICY.FIELD_TYPE',
  FIELD_INVALID: 'POLICY.FIELD_INVALID',
  VERSION_INVALID: 'POLICY.VERSION_INVALID',
  RULE_ID_DUPLICATE: 'POLICY.RULE_ID_DUPLICATE',
  TEST_NAME_DUPLICATE: 'POLICY.TEST_NAME_DUPLICATE',
  ALLOWLIST_WILDCARD: 'POLICY.ALLOWLIST_WILDCARD',
  /** An empty allow-list not named in `spec.settings.allowListsEmptyMeansNone`. */
  ALLOWLIST_EMPTY: 'POLICY.ALLOWLIST_EMPTY',
  /** A list named in `allowListsEmptyMeansNone` that is not empty. */
  ALLOWLIST_EMPTY_MEANS_NONE_CONFLICT: 'POLICY.ALLOWLIST_EMPTY_MEANS_NONE_CONFLICT',
  /** `allowListLocks` or `allowListsEmptyMeansNone` names a list the bundle does not have. */
  ALLOWLIST_UNKNOWN: 'POLICY.ALLOWLIST_UNKNOWN',
  /** A lock declared in `allowListLocks` without its embedded `text`. */
  ALLOWLIST_LOCK_MISSING: 'POLICY.ALLOWLIST_LOCK_MISSING',
  /** An allow-list that differs from its lock file (the message names what was added and removed). */
  ALLOWLIST_LOCK_DRIFT: 'POLICY.ALLOWLIST_LOCK_DRIFT',
  /** `spec.rollout.steps` not strictly increasing or not ending at 100. */
  ROLLOUT_STEPS_INVALID: 'POLICY.ROLLOUT_STEPS_INVALID',
  CEL_COMPILE_FAILED: 'POLICY.CEL_COMPILE_FAILED',
  CEL_NOT_BOOLEAN: 'POLICY.CEL_NOT_BOOLEAN',
  CEL_TOO_COMPLEX: 'POLICY.CEL_TOO_COMPLEX',
  /** `matches()` with a pattern that is not a string literal. */
  CEL_REGEX_UNSAFE: 'POLICY.CEL_REGEX_UNSAFE',
  /** `matches()` with a literal pattern RE2 refuses (invalid, back-references, lookaround). */
  REGEX_UNSUPPORTED: 'POLICY.REGEX_UNSUPPORTED',
  CEL_UNKNOWN_REQUEST_FIELD: 'POLICY.CEL_UNKNOWN_REQUEST_FIELD',
  /** A condition failed while evaluating: the decision is an error with the on-error effect. */
  CEL_EVALUATION_FAILED: 'POLICY.CEL_EVALUATION_FAILED',
  /** The decision spent its evaluation budget (comprehension iterations): an error with the on-error effect. */
  EVALUATION_BUDGET_EXCEEDED: 'POLICY.EVALUATION_BUDGET_EXCEEDED',
  REQUEST_INVALID: 'POLICY.REQUEST_INVALID',
  REQUEST_TOO_LARGE: 'POLICY.REQUEST_TOO_LARGE',
  NO_BUNDLES: 'POLICY.NO_BUNDLES',
  DECISION_RECORD_INVALID: 'POLICY.DECISION_RECORD_INVALID',
  /** A line (or item) of an exception list for `edict simulate --exceptions` is not an exception. */
  EXCEPTION_RECORD_INVALID: 'POLICY.EXCEPTION_RECORD_INVALID',
} as const;

/** Codes of lint findings (`lintBundle`). */
export const LintCodes = {
  DUPLICATE_RULE_ID: 'LINT.DUPLICATE_RULE_ID',
  UNREACHABLE_RULE: 'LINT.UNREACHABLE_RULE',
  REPEATS_DEFAULT: 'LINT.REPEATS_DEFAULT',
  WILDCARD_ALLOW_LIST: 'LINT.WILDCARD_ALLOW_LIST',
  EMPTY_ALLOW_LIST: 'LINT.EMPTY_ALLOW_LIST',
  UNKNOWN_FIELD: 'LINT.UNKNOWN_FIELD',
  UNDECLARED_CONTEXT_FIELD: 'LINT.UNDECLARED_CONTEXT_FIELD',
  INVALID_BUNDLE: 'LINT.INVALID_BUNDLE',
} as const;

/** Codes of tighten-only findings (`checkTightenOnly`). */
export const TightenCodes = {
  RULE_LOOSENS_PARENT: 'TIGHTEN.RULE_LOOSENS_PARENT',
  ALLOW_UNDER_PARENT_DEFAULT_DENY: 'TIGHTEN.ALLOW_UNDER_PARENT_DEFAULT_DENY',
  ALLOW_LIST_WIDENED: 'TIGHTEN.ALLOW_LIST_WIDENED',
  LIMIT_RAISED: 'TIGHTEN.LIMIT_RAISED',
  FLAG_TURNED_OFF: 'TIGHTEN.FLAG_TURNED_OFF',
  PARENT_NOT_ABOVE: 'TIGHTEN.PARENT_NOT_ABOVE',
} as const;
