import { celEnv, celUint, isCelError, isCelList, isCelMap, isCelType, isCelUint, parse, plan } from '@bufbuild/cel';
import type { CelInput, CelValue } from '@bufbuild/cel';
import { create, isMessage } from '@bufbuild/protobuf';
import { DurationSchema, TimestampSchema } from '@bufbuild/protobuf/wkt';
import type { CaseOutcome, CelData, CelUnderTest, ConformanceCase } from '../../../libs/policy-engine/src/cel/conformance/conformance-case.types';

const BILLION = 1_000_000_000n;

function toInput(d: CelData): CelInput {
  switch (d.t) {
    case 'null': return null;
    case 'uint': return celUint(d.v);
    case 'list': return d.v.map(toInput);
    case 'map': return new Map(d.v.map(([k, v]) => [toInput(k) as string, toInput(v)]));
    case 'timestamp': return create(TimestampSchema, { seconds: d.v / BILLION, nanos: Number(d.v % BILLION) });
    case 'duration': return create(DurationSchema, { seconds: d.v / BILLION, nanos: Number(d.v % BILLION) });
    case 'type': throw new Error('type values cannot be bound');
    case 'bool': case 'int': case 'double': case 'string': case 'bytes': return d.v;
  }
}

function fromValue(v: CelValue): CelData {
  if (v === null) return { t: 'null' };
  if (typeof v === 'bigint') return { t: 'int', v };
  if (typeof v === 'number') return { t: 'double', v };
  if (typeof v === 'string') return { t: 'string', v };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (v instanceof Uint8Array) return { t: 'bytes', v };
  if (isCelUint(v)) return { t: 'uint', v: v.value };
  if (isCelList(v)) return { t: 'list', v: [...v].map(fromValue) };
  if (isCelMap(v)) return { t: 'map', v: [...v].map(([k, x]) => [fromValue(k as CelValue), fromValue(x)] as const) };
  if (isCelType(v)) return { t: 'type', v: v.name === 'null_type' ? 'null_type' : v.name };
  const msg = (v as { message?: unknown }).message;
  if (isMessage(msg, TimestampSchema)) return { t: 'timestamp', v: msg.seconds * BILLION + BigInt(msg.nanos) };
  if (isMessage(msg, DurationSchema)) return { t: 'duration', v: msg.seconds * BILLION + BigInt(msg.nanos) };
  throw new Error('a value the comparison does not know');
}

/** @bufbuild/cel (cel-es) as a CEL under test: parse, plan, evaluate (it has no separate checker step here). */
export const bufbuildCel: CelUnderTest = {
  name: '@bufbuild/cel',
  run(c: ConformanceCase): CaseOutcome {
    try {
      const program = plan(celEnv(), parse(c.expr));
      if (c.checkOnly) return { kind: 'checks', type: 'dyn' };
      const result = program(Object.fromEntries(Object.entries(c.bindings).map(([k, v]) => [k, toInput(v)])));
      if (isCelError(result)) return { kind: 'error', message: result.message };
      return { kind: 'value', value: fromValue(result) };
    } catch (e) {
      return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  },
};
