import type { ASTNode } from '@marcbachmann/cel-js';
import { checkedInt, checkedIntOfDouble, checkedTime, deepCelEquals, numericEquals, utf8String } from './cel-values';

// cel-js runs a checked node through `handle`, set by its type checker; the fixes below wrap it
// for the nodes that need them, decided here from the checked types, so that nodes that do not
// (most of a policy condition) keep the library's own handle and cost nothing more.
type Handle = (...args: unknown[]) => unknown;
interface CheckedNode {
  readonly op: string;
  readonly args: unknown;
  handle?: Handle;
  readonly checkedType?: { readonly name: string };
  readonly argTypes?: readonly { readonly name: string }[];
  readonly meta?: { readonly alternate?: CheckedNode };
}

const TS = 'google.protobuf.Timestamp';
const GPD = 'google.protobuf.Duration';
const TZ_GETTERS = new Set(['getDate', 'getDayOfMonth', 'getDayOfWeek', 'getDayOfYear', 'getFullYear', 'getHours', 'getMinutes', 'getMonth', 'getSeconds', 'getMilliseconds']);
const OFFSET = /^([+-]?)(\d{2}):(\d{2})$/;
const isNode = (value: unknown): value is CheckedNode => typeof value === 'object' && value !== null && 'op' in value && 'args' in value;
const typeOf = (node: unknown): string => (isNode(node) ? node.checkedType?.name ?? 'dyn' : 'dyn');
const isBigIntLiteral = (node: unknown): boolean => isNode(node) && node.op === 'value' && typeof node.args === 'bigint' && (node.args > 2n ** 53n || node.args < -(2n ** 53n));
const isAggregate = (type: string): boolean => type.startsWith('list') || type.startsWith('map');

/** A timestamp and a numeric offset (`+11:00`, `-02:30`) as the shifted timestamp in UTC. */
function withOffset(args: unknown[]): unknown[] {
  const m = typeof args[1] === 'string' ? OFFSET.exec(args[1]) : null;
  if (!m || !(args[0] instanceof Date)) return args;
  const minutes = (Number(m[2]) * 60 + Number(m[3])) * (m[1] === '-' ? -1 : 1);
  return [new Date(args[0].getTime() + minutes * 60_000), 'UTC'];
}

/** The wrapped handle a node needs, or undefined to keep the library's. */
function fixedHandle(node: CheckedNode, inner: Handle): Handle | undefined {
  const type = typeOf(node);
  const [left, right] = Array.isArray(node.args) ? (node.args as unknown[]) : [];
  switch (node.op) {
    case '-_':
      return type === 'int' ? (v, ...rest) => checkedInt(inner(v, ...rest) as bigint) : undefined;
    case '/':
      return type === 'int' ? (l, r, ...rest) => checkedInt(inner(l, r, ...rest) as bigint) : undefined;
    case '+': case '-':
      return type === TS || type === GPD ? (...a) => checkedTime(inner(...a)) : undefined;
    case '==': case '!=': {
      if (!isAggregate(typeOf(left)) || !isAggregate(typeOf(right))) return undefined;
      const eq = node.op === '==';
      return (l, r, ...rest) => (inner(l, r, ...rest) === eq ? eq : deepCelEquals(l, r) === eq);
    }
    case '<': case '<=': case '>': case '>=':
      // CEL compares an int with a double as doubles; JavaScript compares them exactly. They
      // differ only beyond 2^53: with a double operand, or an int literal that large.
      if (![left, right].some((x) => typeOf(x) === 'double' || isBigIntLiteral(x))) return undefined;
      return (l, r, ...rest) => inner(typeof l === 'bigint' && typeof r === 'number' ? Number(l) : l, typeof r === 'bigint' && typeof l === 'number' ? Number(r) : r, ...rest);
    case 'in':
      if (!typeOf(right).startsWith('list') || !['dyn', 'int', 'uint', 'double'].includes(typeOf(left))) return undefined;
      return (l, r, ...rest) => inner(l, r, ...rest) === true || (Array.isArray(r) && r.some((x) => numericEquals(l, x) === true));
    case 'call': {
      const name = (node.args as [string])[0];
      const argType = node.argTypes?.[0]?.name;
      if (name === 'int' && argType === 'double') return (a, ...rest) => inner([checkedIntOfDouble((a as number[])[0]!)], ...rest);
      if (name === 'string' && argType === 'bytes') return (a) => utf8String((a as Uint8Array[])[0]!);
      if (name === 'duration' && type === GPD) return (...a) => checkedTime(inner(...a));
      return undefined;
    }
    case 'rcall': {
      const [name, , params] = node.args as [string, unknown, unknown[]];
      return TZ_GETTERS.has(name) && params.length === 1 ? (a, ...rest) => inner(withOffset(a as unknown[]), ...rest) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Makes a type-checked AST follow the CEL specification where cel-js does not: int64 overflow
 * in negation and division, int(double) range, timestamp and duration ranges, invalid UTF-8 in
 * string(bytes), numeric time-zone offsets, equality, `in` and ordering across numeric types.
 */
export function fixCheckedAst(root: ASTNode): void {
  const seen = new Set<CheckedNode>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value) || seen.has(value)) return;
    seen.add(value);
    if (value.meta?.alternate) visit(value.meta.alternate);
    if (value.handle) {
      const fixed = fixedHandle(value, value.handle);
      if (fixed) value.handle = fixed;
    }
    if (value.op === 'comprehension') {
      const { iterable, init, step } = value.args as Record<string, unknown>;
      return [iterable, init, step].forEach(visit);
    }
    if (value.op !== 'value' && value.op !== 'id') visit(value.args);
  };
  visit(root);
}
