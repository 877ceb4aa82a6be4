import { BoundedMemo } from './bounded-memo';

describe('BoundedMemo', () => {
  it('computes a key once and answers it from memory after, undefined values included', () => {
    const memo = new BoundedMemo<string, number | undefined>(10);
    const compute = jest.fn((key: string) => (key === 'none' ? undefined : key.length));
    expect([memo.get('abc', compute), memo.get('abc', compute), memo.get('none', compute), memo.get('none', compute)]).toEqual([3, 3, undefined, undefined]);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('starts over past its limit and still answers every key right', () => {
    const memo = new BoundedMemo<number, number>(3);
    const compute = jest.fn((key: number) => key * 2);
    for (const key of [1, 2, 3, 4, 1]) expect(memo.get(key, compute)).toBe(key * 2);
    expect(compute).toHaveBeenCalledTimes(5); // 4 cleared the memory, so 1 was computed again
  });

  it('remembers nothing for a key whose computation throws', () => {
    const memo = new BoundedMemo<string, number>(3);
    const compute = jest.fn((): number => {
      throw new Error('bad key');
    });
    expect(() => memo.get('x', compute)).toThrow('bad key');
    expect(() => memo.get('x', compute)).toThrow('bad key');
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
