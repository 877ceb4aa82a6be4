import type { Environment } from '@marcbachmann/cel-js';
import { EvaluationError } from '@marcbachmann/cel-js';

const MAX_INT = 9223372036854775807n;
const TS = 'google.protobuf.Timestamp';
const GPD = 'google.protobuf.Duration';

/** RFC 3339 as CEL prints a timestamp: UTC, `Z`, no fraction when it is zero. */
export const timestampToString = (d: Date): string => d.toISOString().replace('.000Z', 'Z');

/**
 * The conversions CEL has and cel-js lacks: `int(uint)` (an error above int64's maximum),
 * `int(timestamp)` (Unix seconds), `string(timestamp)`, `string(duration)`, and the identity
 * conversions `timestamp(timestamp)` and `duration(duration)`.
 */
export function registerConversionOverloads(env: Environment): void {
  env.registerFunction('int(uint): int', (u: { valueOf(): bigint }) => {
    const v = u.valueOf();
    if (v > MAX_INT) throw new EvaluationError('int() type error: integer overflow');
    return v;
  });
  env.registerFunction(`int(${TS}): int`, (d: Date) => BigInt(Math.floor(d.getTime() / 1000)));
  env.registerFunction(`string(${TS}): string`, timestampToString);
  env.registerFunction(`string(${GPD}): string`, (d: { toString(): string }) => d.toString());
  env.registerFunction(`timestamp(${TS}): ${TS}`, (d: Date) => d);
  env.registerFunction(`duration(${GPD}): ${GPD}`, (d: object) => d);
}
