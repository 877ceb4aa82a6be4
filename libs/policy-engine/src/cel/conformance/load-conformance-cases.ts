import { getConformanceSuite } from '@bufbuild/cel-spec/testdata/tests.js';
import type { SimpleTest } from '@bufbuild/cel-spec/cel/expr/conformance/test/simple_pb.js';
import { NeedsProtoError, celDataFromValue, celTypeName } from './cel-data-from-proto';
import type { CelData, ConformanceCase, ExpectedOutcome } from './conformance-case.types';

/** The core suites of cel-spec that Edict's CEL supports. */
export const CORE_SUITES = ['basic', 'comparisons', 'conversions', 'fields', 'integer_math', 'fp_math', 'lists', 'logic', 'macros', 'parse', 'string', 'timestamps'] as const;

/** A case left out, and why (it needs proto messages or enums, or unknowns). */
export interface ExcludedCase {
  readonly id: string;
  readonly suite: string;
  readonly reason: string;
}

export interface ConformanceCases {
  readonly cases: readonly ConformanceCase[];
  readonly excluded: readonly ExcludedCase[];
}

// A message literal (`TestAllTypes{...}`, `google.protobuf.Int64Value{value: 1}`) or a name of the test protos.
const PROTO_SYNTAX = /\b[A-Z]\w*\s*\{|\b(TestAllTypes|NestedTestAllTypes|GlobalEnum|NestedEnum|TestRequired)\b/;

/** Every case of the given suites, those that need proto messages or enums left out. */
export function loadConformanceCases(suites: readonly string[] = CORE_SUITES): ConformanceCases {
  const all = getConformanceSuite();
  const cases: ConformanceCase[] = [];
  const excluded: ExcludedCase[] = [];
  for (const name of suites) {
    const suite = all.suites.find((s) => s.name === name);
    if (!suite) throw new Error(`cel-spec has no conformance suite '${name}'`);
    for (const section of suite.suites) {
      for (const test of section.tests) {
        const id = `${name}/${section.name}/${test.original.name || test.name}`;
        try {
          cases.push(toCase(id, name, test.original));
        } catch (e) {
          if (!(e instanceof NeedsProtoError)) throw e;
          excluded.push({ id, suite: name, reason: e.message });
        }
      }
    }
  }
  return { cases, excluded };
}

function toCase(id: string, suite: string, test: SimpleTest): ConformanceCase {
  if (test.container) throw new NeedsProtoError(`the proto container ${test.container}`);
  if (PROTO_SYNTAX.test(test.expr)) throw new NeedsProtoError('proto messages or enums in the expression');
  const variables = test.typeEnv.map((decl) => {
    if (decl.declKind.case !== 'ident') throw new NeedsProtoError('a function declaration');
    return { name: decl.name, type: decl.declKind.value.type ? celTypeName(decl.declKind.value.type) : 'dyn' };
  });
  const bindings: Record<string, CelData> = {};
  for (const [name, bound] of Object.entries(test.bindings)) {
    // a bound variable the case does not declare is a dyn (cel-go's runner declares it so)
    if (!variables.some((v) => v.name === name)) variables.push({ name, type: 'dyn' });
    if (bound.kind.case !== 'value') throw new NeedsProtoError(`a binding of kind ${bound.kind.case ?? 'none'}`);
    bindings[name] = celDataFromValue(bound.kind.value);
  }
  return { id, suite, expr: test.expr, variables, bindings, disableCheck: test.disableCheck, checkOnly: test.checkOnly, expected: expectedOf(test) };
}

function expectedOf(test: SimpleTest): ExpectedOutcome {
  const m = test.resultMatcher;
  switch (m.case) {
    case 'value': return { kind: 'value', value: celDataFromValue(m.value) };
    case 'typedResult':
      if (test.checkOnly) return { kind: 'checks', type: m.value.deducedType ? celTypeName(m.value.deducedType) : 'dyn' };
      return { kind: 'value', value: m.value.result ? celDataFromValue(m.value.result) : { t: 'null' } };
    case 'evalError':
    case 'anyEvalErrors': return { kind: 'error' };
    case undefined: return { kind: 'value', value: { t: 'bool', v: true } };
    case 'unknown': case 'anyUnknowns': throw new NeedsProtoError(`a result of kind ${m.case} (unknowns)`);
  }
}
