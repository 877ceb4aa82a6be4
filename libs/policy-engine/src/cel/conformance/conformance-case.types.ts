/**
 * A CEL value as the conformance suite states it, independent of any CEL library: each
 * implementation under test converts its own values to and from this.
 */
export type CelData =
  | { readonly t: 'null' }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'int' | 'uint'; readonly v: bigint }
  | { readonly t: 'double'; readonly v: number }
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'bytes'; readonly v: Uint8Array }
  | { readonly t: 'list'; readonly v: readonly CelData[] }
  | { readonly t: 'map'; readonly v: readonly (readonly [CelData, CelData])[] }
  | { readonly t: 'type'; readonly v: string }
  /** nanoseconds since the Unix epoch */
  | { readonly t: 'timestamp'; readonly v: bigint }
  /** nanoseconds */
  | { readonly t: 'duration'; readonly v: bigint };

/** A declared variable: its name and CEL type, written as in CEL (`list<int>`, `map<string, dyn>`). */
export interface CelVariable {
  readonly name: string;
  readonly type: string;
}

export type ExpectedOutcome =
  | { readonly kind: 'value'; readonly value: CelData }
  | { readonly kind: 'error' }
  /** a check-only case: the expression type-checks (to this type) */
  | { readonly kind: 'checks'; readonly type: string };

/** One runnable case of the cel-spec conformance suite. */
export interface ConformanceCase {
  /** `suite/section/name`, stable across runs: what the known-differences list names */
  readonly id: string;
  readonly suite: string;
  readonly expr: string;
  readonly variables: readonly CelVariable[];
  readonly bindings: Readonly<Record<string, CelData>>;
  readonly disableCheck: boolean;
  readonly checkOnly: boolean;
  readonly expected: ExpectedOutcome;
}

/** What an implementation did with a case. */
export type CaseOutcome =
  | { readonly kind: 'value'; readonly value: CelData }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'checks'; readonly type: string };

/** A CEL implementation under test. `run` never throws: failures are outcomes. */
export interface CelUnderTest {
  readonly name: string;
  readonly run: (testCase: ConformanceCase) => CaseOutcome;
}
