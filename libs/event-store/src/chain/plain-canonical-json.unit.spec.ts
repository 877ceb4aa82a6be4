import { canonicalJson } from '@edict/core';
import { canonicalEvent } from './hash-chain';
import { plainCanonicalJson } from './plain-canonical-json';

// The fast path must print exactly what @edict/core's canonicalJson (json-canonicalize) prints:
// every stored hash depends on it.
const corpus: unknown[] = [
  null, true, false, 0, -0, 1, -1.5, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 123456789012345680000,
  '', 'plain', 'quote " backslash \\ slash /', 'control \u0000\u0001\u001f\b\f\n\r\t', 'unicode é € 😀 \u2028\u2029', '\u007f',
  [], {}, [1, [2, [3, []]]], { b: 1, a: 2 }, { '10': 'x', '9': 'y', a: 'z', B: 'w', '': 'empty' },
  { 'é': 1, e: 2, '€': 3, '😀': 4, '\uffff': 5, 'a\u0000': 6 },
  { nested: { z: [{ y: 1, x: 2 }, null, 'a'], a: { c: {}, b: [] } }, list: [true, false, null] },
  { date: new Date(0) },
  { gone: undefined, kept: 1 }, [1, undefined, 2], { a: [undefined], b: { c: undefined } },
];

const random = (seed: number): (() => number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const generate = (next: () => number, depth: number): unknown => {
  const pick = Math.floor(next() * (depth > 3 ? 4 : 6));
  if (pick === 0) return Math.floor(next() * 1e6) / (next() < 0.5 ? 1 : 1000);
  if (pick === 1) return String.fromCharCode(...Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * 0x3000)));
  if (pick === 2) return next() < 0.5 ? null : next() < 0.5;
  if (pick === 3) return -next() * 1e-3;
  if (pick === 4) return Array.from({ length: Math.floor(next() * 4) }, () => generate(next, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [String.fromCharCode(32 + Math.floor(next() * 0x500)), generate(next, depth + 1)]));
};

describe('plainCanonicalJson', () => {
  it.each(corpus.map((value) => [JSON.stringify(value), value]))('given %s, then the text is canonicalJson’s', (_name, value) => {
    expect(plainCanonicalJson(value)).toBe(canonicalJson(value));
  });

  it('given 2,000 generated JSON values, then every text is canonicalJson’s', () => {
    const next = random(42);
    for (let i = 0; i < 2000; i++) {
      const value = generate(next, 0);
      expect(plainCanonicalJson(value)).toBe(canonicalJson(value));
    }
  });

  it('given a non-finite number, then it is refused as JCS requires', () => {
    expect(() => plainCanonicalJson({ a: Number.NaN })).toThrow(/Non-finite/);
    expect(() => plainCanonicalJson([Infinity])).toThrow(/Non-finite/);
  });
});

describe('canonicalEvent', () => {
  const event = { eventId: 'e1', streamId: 'bundle-org/x', revision: 3, position: 17, type: 'BundleDrafted', data: { z: [1, { b: 'é', a: null }], a: 1e21 }, metadata: { actor: 'alice', '10': 'x', '9': 'y' }, recordedAt: '2026-01-01T00:00:00.000Z' };

  it('given an event, then the text is canonicalJson of its eight hashed fields, whatever else it carries', () => {
    const { eventId, streamId, revision, position, type, data, metadata, recordedAt } = event;
    const expected = canonicalJson({ eventId, streamId, revision, position, type, data, metadata, recordedAt });
    expect(canonicalEvent({ ...event, hash: 'h', previousHash: 'p' } as typeof event)).toBe(expected);
  });

  it('given a field of the wrong type or missing (a tampered export line), then still canonicalJson’s text', () => {
    const tampered = { ...event, position: '17', revision: undefined, data: [event.data] } as unknown as typeof event;
    const { eventId, streamId, revision, position, type, data, metadata, recordedAt } = tampered;
    expect(canonicalEvent(tampered)).toBe(canonicalJson({ eventId, streamId, revision, position, type, data, metadata, recordedAt }));
  });
});
