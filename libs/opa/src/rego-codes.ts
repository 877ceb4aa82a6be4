/** Stable codes of the findings the Rego checks report. */
export const RegoCodes = {
  /** a module file name that is not a plain relative `*.rego` path */
  MODULE_NAME_INVALID: 'REGO.MODULE_NAME_INVALID',
  /** `opa check --strict` refused a module; OPA's own code (rego_parse_error …) is in the message */
  CHECK_FAILED: 'REGO.CHECK_FAILED',
  /** a module's package is not the policy's OPA root or below it */
  PACKAGE_OUTSIDE_ROOT: 'REGO.PACKAGE_OUTSIDE_ROOT',
  /** `opa test` could not load or compile the modules with their data (e.g. a rule and data at one path) */
  TEST_COMPILE_FAILED: 'REGO.TEST_COMPILE_FAILED',
  TEST_FAILED: 'REGO.TEST_FAILED',
  /** a test ended in an evaluation error (conflicting values, a builtin error …) */
  TEST_ERROR: 'REGO.TEST_ERROR',
  NO_TESTS: 'REGO.NO_TESTS',
  COVERAGE_BELOW_MINIMUM: 'REGO.COVERAGE_BELOW_MINIMUM',
  /** a warning: `opa fmt` would change the file */
  NOT_FORMATTED: 'REGO.NOT_FORMATTED',
  OPA_UNAVAILABLE: 'REGO.OPA_UNAVAILABLE',
  OPA_FAILED: 'REGO.OPA_FAILED',
  OPA_TIMEOUT: 'REGO.OPA_TIMEOUT',
} as const;
