/**
 * @edict/policy-engine — the rule model, CEL conditions, evaluation, lint, tighten-only,
 * bundle tests and impact simulation. Pure: no I/O, no clock except an injected timer.
 * The language is documented in docs/policy-language.md.
 *
 * Typical use:
 * ```ts
 * const parsed = parseBundleText(text, { filename: 'org/baseline.yaml' });
 * if (!parsed.ok) report(parsed.errors);
 * const problems = validateBundleDocument(parsed.document);   // schema + CEL, no lint
 * const org = compileBundle(parsed.document);                   // throws ValidationError
 * const decision = evaluate([org, team, project], { agent, action, resource, context });
 * ```
 * @packageDocumentation
 */

// ── model ────────────────────────────────────────────────────────────────────
/** Effects and their order of restrictiveness (deny > require_approval > allow). */
export { EFFECTS, restrictiveness, moreRestrictive } from './model/effect';
export type { Effect } from './model/effect';
/** Tiers (org, team, project) and the policy-id paths they are read from. */
export { tierOfPolicyId, teamOfPolicyId, tierRank } from './model/tier';
export type { Tier } from './model/tier';
export type { BundleDocument, RuleDocument, RuleMatch, BundleSettings, BundleTestCase, ContextSchema } from './model/bundle-document.types';
export type { DecisionRequest, DecisionResult, DecisionError, TierOutcome, EvaluateOptions, NanoTimer } from './model/decision.types';
/** `BundleProblem = { code, message, path?, line?, column?, filename?, severity }`. */
export { hasErrors } from './model/bundle-problem';
export type { BundleProblem, Severity } from './model/bundle-problem';
/** Stable codes: `POLICY.*` (validation, evaluation), `LINT.*`, `TIGHTEN.*`. */
export { PolicyCodes, LintCodes, TightenCodes } from './model/problem-codes';
/** Size limits on bundles, conditions and requests (1 MiB per bundle, ...). */
export { Limits } from './model/limits';

// ── format and validation ────────────────────────────────────────────────────
/**
 * `parseBundleText(text, { filename?, format? })` → `{ ok: true, document, format, locate }`
 * or `{ ok: false, errors }`. YAML or JSON; enforces the size and nesting limits; errors carry
 * file, line and column. Never throws.
 */
export { parseBundleText } from './format/parse-bundle-text';
export type { ParseBundleResult } from './format/parse-bundle-text';
export type { BundleFormat, BundleSource } from './format/detect-format';
export { createLocator } from './format/source-locator';
export type { Locator, SourcePosition } from './format/source-locator';
/** The bundle JSON Schema (the file is libs/policy-engine/src/format/bundle.schema.json). */
export { BUNDLE_SCHEMA } from './schema/validate-schema';
/**
 * `validateBundleDocument(document)` → `BundleProblem[]`: JSON Schema, semver, unique rule ids
 * and test names, no wildcard allow-lists, every CEL condition compiled. No lint.
 */
export { validateBundleDocument } from './validate/validate-bundle-document';
/** Parse + validate in one step, every problem located in the source text. */
export { validateBundleText, locateProblems } from './validate/validate-bundle-text';
export type { TextValidation } from './validate/validate-bundle-text';
/** The CEL variables conditions can read: `request`, `context`, `settings`. */
export { CEL_VARIABLES } from './cel/cel-environment';
/**
 * Allow-list lock files (egress runbook): `parseLockText` (one token a line, `#` comments),
 * `allowListDrift(entries, tokens)` → `{ added, removed }`; `checkAllowListLocks` runs in validation.
 */
export { parseLockText, allowListDrift } from './allow-lists/parse-lock-text';
export type { AllowListDrift } from './allow-lists/parse-lock-text';
export { checkAllowListLocks } from './allow-lists/check-allow-list-locks';
export { WILDCARD_TOKENS } from './schema/check-semantics';

// ── compile and evaluate ─────────────────────────────────────────────────────
/**
 * `compileBundle(document)` → `CompiledBundle` (policy id, tier, version, ranked and indexed
 * rules, CEL compiled once). Throws `ValidationError` (`POLICY.INVALID_BUNDLE`,
 * `details.problems`) when the document has errors.
 */
export { compileBundle } from './compile/compile-bundle';
export type { CompiledBundle, CompiledRule, RuleIndex } from './compile/compiled-bundle.types';
/**
 * `evaluate(tiers, request, { timer? })` → `DecisionResult`. Tiers in org → team → project
 * order, any subset. Inside a bundle the highest-priority matching rule wins (ties: deny,
 * require_approval, allow); no match gives the default effect. Across tiers the most
 * restrictive effect wins. Never throws on bad requests or failing conditions: the decision
 * is then an error with the on-error effect (deny unless set).
 */
export { evaluate } from './evaluate/evaluate';
/** Exceptions for `evaluate`'s `exceptions` option: `compileWaiver({ id, policyId, ruleId, resource, agent? })`. */
export { compileWaiver } from './evaluate/rule-waiver';
export type { RuleWaiver } from './evaluate/rule-waiver';
/** The request checks `evaluate` applies (types, sizes, depth of the context). */
export { checkRequest } from './evaluate/check-request';

// ── lint, tighten-only, tests, simulation ────────────────────────────────────
/** `lintBundle(document)` → `LintFinding[]`, each with a `LINT.*` code and a severity. */
export { lintBundle } from './lint/lint-bundle';
export type { LintFinding } from './lint/lint-finding.types';
/** `checkTightenOnly(child, parents)` → `TightenFinding[]` (settings and rules). */
export { checkTightenOnly } from './tighten/check-tighten-only';
export type { TightenFinding } from './tighten/tighten-finding.types';
/** `runBundleTests(compiled, parents?)` → `TestReport` (results and unreached rules). */
export { runBundleTests } from './bundle-tests/run-bundle-tests';
export type { TestReport, TestCaseResult } from './bundle-tests/test-report.types';
/**
 * `simulateImpact(candidate, decisions, parents?, { examplesPerGroup? })` → `ImpactReport`:
 * recorded decisions replayed against a candidate, changes grouped old → new effect.
 */
/**
 * `explainDecision(tiers, request, options?)` → `{ decision, tiers: [{ …outcome, rules: RuleTrace[] }] }`:
 * the decision `evaluate` makes, and per tier every rule in evaluation order with why it matched or
 * not (the `match` field that failed, `when` false or errored, waived by an exception, not reached).
 */
export { explainDecision } from './explain/explain-decision';
export type { DecisionExplanation, TierTrace, RuleTrace, RuleVerdict } from './explain/explain-decision';
export { simulateImpact } from './simulate/simulate-impact';
export type { SimulateOptions } from './simulate/simulate-impact';
export type { ImpactReport, ImpactGroup, ImpactExample, ImpactComparison, ExceptionImpact, ExceptionEffect } from './simulate/impact-report.types';
/** `simulateImpact(..., { exceptions })`: exceptions as `GET /v1/exceptions` answers them; `parseExceptionList` reads that answer, a JSON array or NDJSON. */
export { parseExceptionList } from './simulate/parse-exception-list';
export type { SimulatedException } from './simulate/simulated-exception';
/**
 * The decision-log export format (NDJSON, one `DecisionRecord` per line):
 * `{ decisionId, timestamp, policyId, version, request, result: { effect, rule, noMatch, error? } }`.
 */
export { parseDecisionLog, MAX_DECISION_LINE_LENGTH } from './simulate/parse-decision-log';
export { decisionRecordProblem } from './simulate/check-decision-record';
export type { DecisionRecord } from './simulate/decision-record.types';

export { documentRequests } from './documents/document-requests';
export type { DocumentItem, DocumentRequests } from './documents/document-requests';
export { checkDocumentItems } from './documents/check-document';
export type { CheckedItem } from './documents/check-document';
export type { InputMapping } from './documents/input-mapping.types';
