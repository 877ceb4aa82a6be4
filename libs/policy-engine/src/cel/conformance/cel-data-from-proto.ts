import { fromBinary } from '@bufbuild/protobuf';
import { DurationSchema, TimestampSchema } from '@bufbuild/protobuf/wkt';
import type { Type } from '@bufbuild/cel-spec/cel/expr/checked_pb.js';
import type { Value } from '@bufbuild/cel-spec/cel/expr/value_pb.js';
import type { CelData } from './conformance-case.types';

/** Thrown for a value only proto messages or enums can express (the case is left out). */
export class NeedsProtoError extends Error {}

const WKT = 'type.googleapis.com/google.protobuf.';

/** A conformance `cel.expr.Value` as CelData. Timestamps and durations (in an Any) are supported. */
export function celDataFromValue(value: Value): CelData {
  const k = value.kind;
  switch (k.case) {
    case 'nullValue': return { t: 'null' };
    case 'boolValue': return { t: 'bool', v: k.value };
    case 'int64Value': return { t: 'int', v: k.value };
    case 'uint64Value': return { t: 'uint', v: k.value };
    case 'doubleValue': return { t: 'double', v: k.value };
    case 'stringValue': return { t: 'string', v: k.value };
    case 'bytesValue': return { t: 'bytes', v: k.value };
    case 'typeValue': return { t: 'type', v: k.value };
    case 'listValue': return { t: 'list', v: k.value.values.map(celDataFromValue) };
    case 'mapValue': return { t: 'map', v: k.value.entries.map((e) => [celDataFromValue(e.key!), celDataFromValue(e.value!)] as const) };
    case 'objectValue': {
      const any = k.value;
      if (any.typeUrl === `${WKT}Timestamp`) {
        const ts = fromBinary(TimestampSchema, any.value);
        return { t: 'timestamp', v: ts.seconds * 1_000_000_000n + BigInt(ts.nanos) };
      }
      if (any.typeUrl === `${WKT}Duration`) {
        const d = fromBinary(DurationSchema, any.value);
        return { t: 'duration', v: d.seconds * 1_000_000_000n + BigInt(d.nanos) };
      }
      throw new NeedsProtoError(`a ${any.typeUrl} message`);
    }
    case 'enumValue': throw new NeedsProtoError(`a ${k.value.type} enum value`);
    case undefined: throw new NeedsProtoError('an empty value');
  }
}

const PRIMITIVES = ['', 'bool', 'int', 'uint', 'double', 'string', 'bytes'];
const WELL_KNOWN = ['', 'google.protobuf.Any', 'google.protobuf.Timestamp', 'google.protobuf.Duration'];

/** A conformance `cel.expr.Type` in CEL syntax; message and abstract types need protos. */
export function celTypeName(type: Type): string {
  const k = type.typeKind;
  switch (k.case) {
    case 'dyn': return 'dyn';
    case 'null': return 'null';
    case 'primitive': return PRIMITIVES[k.value] ?? 'dyn';
    case 'wellKnown': return WELL_KNOWN[k.value] ?? 'dyn';
    case 'listType': return `list<${celTypeName(k.value.elemType!)}>`;
    case 'mapType': return `map<${celTypeName(k.value.keyType!)}, ${celTypeName(k.value.valueType!)}>`;
    case 'type': return 'type';
    case 'typeParam': return k.value;
    case 'wrapper': case 'messageType': case 'abstractType': case 'function': case 'error': case undefined:
      throw new NeedsProtoError(`a variable of ${k.case ?? 'no'} type`);
  }
}
