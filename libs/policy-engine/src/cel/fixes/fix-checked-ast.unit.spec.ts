import type { ASTNode } from '@marcbachmann/cel-js';
import { childNodes } from '../cel-ast';
import { celEnvironment } from '../cel-environment';
import { compileCondition } from '../compile-condition';
import { fixCheckedAst } from './fix-checked-ast';

const run = (when: string, context: object = {}): unknown => {
  const compiled = compileCondition(when);
  if (!compiled.ok) throw new Error(compiled.problems[0]!.message);
  return compiled.condition.evaluate({ request: { agent: 'a', action: 'b', resource: 'c' }, context, settings: {} });
};

describe('fixes to checked conditions (CEL semantics cel-js lacks)', () => {
  it.each([
    ['-(-9223372036854775808) > 0', 'integer overflow'],
    ['(-9223372036854775808) / -1 > 0', 'integer overflow'],
    ['int(1e99) > 0', 'integer overflow'],
    ["timestamp('9999-12-31T23:59:59Z') + duration('1s') > timestamp('2000-01-01T00:00:00Z')", 'timestamp out of range'],
    ["duration('320000000000s') > duration('1s')", 'integer overflow'],
    ["string(b'\\xff') == ''", 'invalid UTF-8'],
  ])('given %s, when evaluated, then it is an error (%s)', (when, message) => {
    expect(() => run(when)).toThrow(message);
  });

  it('given a numeric time-zone offset, when a timestamp is read in it, then the offset applies', () => {
    expect(run("timestamp('2009-02-13T23:31:30Z').getHours('+02:00') == 1")).toBe(true);
    expect(run("timestamp('2009-02-13T02:00:00Z').getDayOfMonth('-02:30') == 11")).toBe(true);
  });

  it('given numbers of different types, when compared with in, == or <, then CEL numeric semantics apply', () => {
    expect(run('dyn(3u) in [5, 4, 3]')).toBe(true);
    expect(run('[1.0, 2.0, 3] == [1u, 2, 3u]')).toBe(true);
    expect(run('dyn(9223372036854775807) < 9223372036854775808.0')).toBe(false);
    expect(run('context.n in [1, 2]', { n: 2 })).toBe(true);
    expect(run('context.n > 50', { n: 51 })).toBe(true);
  });
});

describe('fixes cost nothing where they are not needed', () => {
  const handles = (source: string, fix: boolean): unknown[] => {
    const parsed = celEnvironment.parse(source);
    parsed.check();
    if (fix) fixCheckedAst(parsed.ast);
    const out: unknown[] = [];
    const visit = (node: ASTNode): void => {
      out.push((node as ASTNode & { handle?: unknown }).handle);
      childNodes(node).forEach(visit);
    };
    visit(parsed.ast);
    return out;
  };

  it.each([
    'context.risk < 40 && "prod" in context.tags',
    'context.user.team == "team-1" && context.risk >= 30',
    'request.resource.startsWith("res/1/") && !("pii" in context.tags)',
    'has(context.ticket) || context.user.team == "team-2"',
  ])('given the benchmark condition %s, when fixed, then every node keeps the library handle', (source) => {
    expect(handles(source, true)).toEqual(handles(source, false));
  });

  it('given a condition that needs a fix, when fixed, then that node gets a new handle', () => {
    expect(handles('dyn(3u) in [3]', true)).not.toEqual(handles('dyn(3u) in [3]', false));
  });
});
