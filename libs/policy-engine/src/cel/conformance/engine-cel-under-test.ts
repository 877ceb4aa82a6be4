import type { Environment } from '@marcbachmann/cel-js';
import { celEnvironment, createCelEnvironment } from '../cel-environment';
import { celMessage } from '../compile-condition';
import { compileCel } from '../compile-cel';
import { resetEvaluationBudget } from '../evaluation-budget';
import type { CaseOutcome, CelData, CelUnderTest, ConformanceCase } from './conformance-case.types';

// The library does not export its uint and duration classes; its own values carry them.
const UnsignedInt = (celEnvironment.evaluate('0u') as object).constructor as new (v: bigint) => { readonly value: bigint };
const Duration = (celEnvironment.evaluate('duration("0s")') as object).constructor as new (seconds: bigint, nanos: number) => { readonly seconds: bigint | number; readonly nanos: number };
const BILLION = 1_000_000_000n;

function toNative(d: CelData): unknown {
  switch (d.t) {
    case 'null': return null;
    case 'uint': return new UnsignedInt(d.v);
    case 'list': return d.v.map(toNative);
    case 'map':
      if (d.v.every(([k]) => k.t === 'string')) return Object.fromEntries(d.v.map(([k, v]) => [toNative(k), toNative(v)]));
      return new Map(d.v.map(([k, v]) => [toNative(k), toNative(v)]));
    case 'timestamp': return new Date(Number(d.v / 1_000_000n));
    case 'duration': return new Duration(d.v / BILLION, Number(d.v % BILLION));
    case 'type': throw new Error('type values cannot be bound');
    case 'bool': case 'int': case 'double': case 'string': case 'bytes': return d.v;
  }
}

function fromNative(v: unknown): CelData {
  if (v === null || v === undefined) return { t: 'null' };
  if (typeof v === 'bigint') return { t: 'int', v };
  if (typeof v === 'number') return { t: 'double', v };
  if (typeof v === 'string') return { t: 'string', v };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (typeof v !== 'object') return { t: 'string', v: `<${typeof v}>` };
  if (v instanceof Uint8Array) return { t: 'bytes', v };
  if (Array.isArray(v)) return { t: 'list', v: v.map(fromNative) };
  if (v instanceof Map) return { t: 'map', v: [...(v as Map<unknown, unknown>)].map(([k, x]) => [fromNative(k), fromNative(x)] as const) };
  if (v instanceof Date) return { t: 'timestamp', v: BigInt(v.getTime()) * 1_000_000n };
  if (v instanceof UnsignedInt) return { t: 'uint', v: v.value };
  if (v instanceof Duration) return { t: 'duration', v: BigInt(v.seconds) * BILLION + BigInt(v.nanos) };
  const type = /^Type<(.+)>$/.exec((v as { toString(): string }).toString());
  if (type) return { t: 'type', v: type[1]! };
  return { t: 'map', v: Object.entries(v).map(([k, x]) => [{ t: 'string', v: k }, fromNative(x)] as const) };
}

function environmentFor(c: ConformanceCase): Environment {
  try {
    return createCelEnvironment(c.variables);
  } catch {
    return createCelEnvironment(c.variables.map((x) => ({ name: x.name, type: 'dyn' })));
  }
}

/** The engine's CEL: its environment (with the case's variables), compile path and budget. */
export const engineCel: CelUnderTest = {
  name: '@marcbachmann/cel-js (Edict engine)',
  run(c: ConformanceCase): CaseOutcome {
    const compiled = compileCel(environmentFor(c), c.expr, { check: !c.disableCheck });
    if (!compiled.ok) return { kind: 'error', message: `${compiled.stage}: ${celMessage(compiled.error)}` };
    if (c.checkOnly) return { kind: 'checks', type: compiled.cel.type };
    try {
      resetEvaluationBudget();
      const bindings = Object.fromEntries(Object.entries(c.bindings).map(([k, v]) => [k, toNative(v)]));
      return { kind: 'value', value: fromNative(compiled.cel.evaluate(bindings)) };
    } catch (e) {
      return { kind: 'error', message: celMessage(e) };
    }
  },
};
