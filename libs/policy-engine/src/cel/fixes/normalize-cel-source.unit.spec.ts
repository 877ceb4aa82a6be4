import { compileCondition } from '../compile-condition';
import { contextReads } from '../context-reads';
import { normalizeCelSource } from './normalize-cel-source';

describe('normalizeCelSource', () => {
  it.each([
    ['.99 > 0.5', '0.99 > 0.5'],
    ['[.5, 1.5]', '[0.5, 1.5]'],
    ["br'\\a'", 'b"\\x5c\\x61"'],
    ["b'ÿ' == b'\\303\\277'", "b'\\xc3\\xbf' == b'\\303\\277'"],
  ])('given %s, when normalised, then it reads %s', (source, expected) => {
    expect(normalizeCelSource(source)).toBe(expected);
  });

  it.each(['request.action == "a .5 `x` b\'ÿ\'"', "r'.5' + '''.5'''", 'context.a.b1 == 1.5', "b'abc' == b'\\x00'"])('given %s, which needs no rewriting, then it is returned unchanged', (source) => {
    expect(normalizeCelSource(source)).toBe(source);
  });

  it('given a backtick-quoted context field, when compiled, then it reads that field and checks as one', () => {
    const compiled = compileCondition('context.`user-id` == "u1" && has(context.`a.b`)');
    if (!compiled.ok) throw new Error(compiled.problems[0]!.message);
    expect(contextReads(compiled.condition.ast)).toEqual([['user-id'], ['a.b']]);
    const run = (context: object): unknown => compiled.condition.evaluate({ request: {}, context, settings: {} });
    expect(run({ 'user-id': 'u1', 'a.b': 1 })).toBe(true);
    expect(run({ 'user-id': 'u1' })).toBe(false);
  });
});
