import { parse } from 'yaml';
import { cellText, describeValue } from './describe-value';
import { printAs } from './output-format';

// Colours are on wherever picocolors sees a terminal or CI=true; the tables are compared as text.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const plain = (text: string): string => text.replace(ANSI, '');

const captured = (run: () => void): string => {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0);
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
};

describe('describeValue: a JSON answer as tables for people', () => {
  it('given a page of items, then one table with a column per key and the other fields below, no JSON in the cells', () => {
    const text = plain(describeValue({ items: [{ kid: 'k1', status: 'active', roles: ['a', 'b'] }, { kid: 'k2', status: 'retired', meta: { by: 'bob', n: 2 } }], total: 2 }).join('\n'));
    expect(text).toMatch(/kid\s*│\s*status\s*│\s*roles\s*│\s*meta/);
    expect(text).toMatch(/k1\s*│\s*active\s*│\s*a, b/);
    expect(text).toContain('by=bob, n=2');
    expect(text).toMatch(/total\s*│\s*2/);
    expect(text).not.toContain('{');
  });

  it('given a nested object, then dotted field rows, and its lists of records as their own tables', () => {
    const text = plain(describeValue({ policyId: 'org/a', stable: { version: '1.0.0' }, timeline: [{ at: 't1', type: 'IncidentOpened' }] }).join('\n'));
    expect(text).toMatch(/stable\.version\s*│\s*1\.0\.0/);
    expect(text).toMatch(/at\s*│\s*type/);
    expect(text).toMatch(/t1\s*│\s*IncidentOpened/);
  });

  it('given nothing or an empty page, then it says so', () => {
    expect(describeValue(undefined)).toEqual(['(nothing)']);
    expect(describeValue({ items: [] })).toEqual(['(none)']);
    expect(cellText([{ a: 1 }, { a: 2 }])).toBe('2 items');
  });
});

describe('printAs', () => {
  const value = { policyId: 'org/a', versions: ['1.0.0'], stable: null };

  it('given yaml, then YAML that parses back to the value', () => {
    expect(parse(captured(() => printAs('yaml', value, () => ['never'])))).toEqual(value);
  });

  it('given json, then indented JSON; given table, then the rendered lines', () => {
    expect(JSON.parse(captured(() => printAs('json', value, () => ['never'])))).toEqual(value);
    expect(captured(() => printAs('table', value, () => ['a', 'b']))).toBe('a\nb\n');
  });
});
