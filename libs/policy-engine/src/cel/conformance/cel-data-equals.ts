import type { CelData } from './conformance-case.types';

/**
 * Whether two CelData are the same value of the same type: `1` (int) is not `1u` or `1.0`.
 * NaN equals NaN here (a test expecting NaN gets NaN); map entries compare in any order.
 */
export function celDataEquals(a: CelData, b: CelData): boolean {
  switch (a.t) {
    case 'null': return b.t === 'null';
    case 'double': return b.t === 'double' && (a.v === b.v || (Number.isNaN(a.v) && Number.isNaN(b.v)));
    case 'bytes': return b.t === 'bytes' && a.v.length === b.v.length && a.v.every((x, i) => x === b.v[i]);
    case 'list': return b.t === 'list' && a.v.length === b.v.length && a.v.every((x, i) => celDataEquals(x, b.v[i]!));
    case 'map':
      return b.t === 'map' && a.v.length === b.v.length
        && a.v.every(([k, v]) => b.v.some(([k2, v2]) => celDataEquals(k, k2) && celDataEquals(v, v2)));
    case 'bool': case 'int': case 'uint': case 'string': case 'type': case 'timestamp': case 'duration':
      return a.t === b.t && a.v === b.v;
  }
}

/** A short readable form of a CelData, for failure messages. */
export function showCelData(d: CelData): string {
  switch (d.t) {
    case 'null': return 'null';
    case 'int': return `${d.v}`;
    case 'uint': return `${d.v}u`;
    case 'double': return Number.isInteger(d.v) ? `${d.v}.0` : `${d.v}`;
    case 'string': return JSON.stringify(d.v);
    case 'bytes': return `b[${d.v.join(',')}]`;
    case 'list': return `[${d.v.map(showCelData).join(', ')}]`;
    case 'map': return `{${d.v.map(([k, v]) => `${showCelData(k)}: ${showCelData(v)}`).join(', ')}}`;
    case 'bool': return `${d.v}`;
    case 'type': return `type(${d.v})`;
    case 'timestamp': return `timestamp(${d.v}ns)`;
    case 'duration': return `duration(${d.v}ns)`;
  }
}
