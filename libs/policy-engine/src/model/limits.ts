/**
 * Size limits. Every input the engine takes is bounded so that bad or hostile input gets a
 * precise error instead of a crash, an out-of-memory or a hang (docs/policy-language.md
 * "Limits" lists them for authors).
 */
export const Limits = {
  /** bundle source text, in UTF-8 bytes */
  maxBundleBytes: 1024 * 1024,
  /** nesting of the bundle document (maps and lists) */
  maxDocumentDepth: 32,
  /** nesting of `[` / `{` in the source, checked before parsing (the YAML parser recurses) */
  maxFlowNesting: 64,
  maxRules: 10_000,
  maxTests: 2_000,
  /** characters of one CEL condition */
  maxConditionLength: 4_096,
  /** CEL AST nodes of one condition, and its nesting depth */
  maxConditionNodes: 1_000,
  maxConditionDepth: 32,
  /** macros (`exists`, `all`, `map`, ...) nested in one another: bounds evaluation cost */
  maxComprehensionNesting: 2,
  /** characters of request.agent, request.action, request.resource */
  maxRequestFieldLength: 1_024,
  /** nesting of request.context */
  maxContextDepth: 16,
  /** values (scalars, lists and maps) in request.context */
  maxContextValues: 1_000,
  /** characters of one string in request.context */
  maxContextStringLength: 8_192,
} as const;
