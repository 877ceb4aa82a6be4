import { colors, table } from './text-table';

type Json = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRows = (v: unknown): v is readonly Json[] => Array.isArray(v) && v.length > 0 && v.every(isObject);
const MAX_COLUMNS = 8;

/** One cell: scalars as they are, lists joined, a small object as `key=value, …`; never raw JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.every((v) => !isObject(v) && !Array.isArray(v)) ? value.map(cellText).join(', ') : `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (isObject(value)) return Object.entries(value).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => `${k}=${isObject(v) || Array.isArray(v) ? '…' : cellText(v)}`).join(', ');
  return typeof value === 'bigint' ? value.toString() : '';
}

/** A list of records as one table: a column per key (in order of first appearance). */
export function rowsTable(rows: readonly Json[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !rows.every((r) => isRows(r[k]))).slice(0, MAX_COLUMNS);
  return table(keys, rows.map((r) => keys.map((k) => cellText(r[k]))));
}

/** `a.b` rows for nested objects (two levels), lists of records set aside for their own tables. */
function fieldRows(value: Json, prefix: string, depth: number, nested: [string, readonly Json[]][]): [string, string][] {
  return Object.entries(value).flatMap(([key, v]): [string, string][] => {
    const name = `${prefix}${key}`;
    if (isRows(v)) return nested.push([name, v]), [];
    if (isObject(v) && depth < 2 && Object.keys(v).length > 0) return fieldRows(v, `${name}.`, depth + 1, nested);
    return [[name, cellText(v)]];
  });
}

/**
 * A JSON answer as tables for people, when a command has no view of its own: a list (or an
 * `{ items }` page) becomes one table, an object a field/value table followed by a table per list
 * of records it holds.
 */
export function describeValue(value: unknown): string[] {
  if (value === undefined || value === null) return ['(nothing)'];
  if (Array.isArray(value)) {
    const list: readonly unknown[] = value;
    return list.length === 0 ? ['(none)'] : isRows(list) ? [rowsTable(list)] : list.map(cellText);
  }
  if (!isObject(value)) return [cellText(value)];
  const { items, ...rest } = value;
  const lines = Array.isArray(items) ? describeValue(items) : [];
  const fields = Array.isArray(items) ? rest : value;
  const nested: [string, readonly Json[]][] = [];
  const rows = fieldRows(fields, '', 0, nested);
  if (rows.length > 0) lines.push(table(['field', 'value'], rows));
  for (const [name, list] of nested) lines.push(colors.bold(name), rowsTable(list));
  return lines;
}
