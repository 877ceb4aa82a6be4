import { ValidationError } from '@edict/core';
import { parseIfMatch } from './if-match';

describe('parseIfMatch', () => {
  it('is undefined without the header (serial semantics)', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('  ')).toBeUndefined();
  });

  it.each([['3', 3], ['"12"', 12], ['W/"7"', 7], ['-1', -1]])('reads %s as revision %d', (header, revision) => {
    expect(parseIfMatch(header)).toBe(revision);
  });

  it.each(['abc', '*', '1.5', '-2', '"3'])('refuses %s with a stable code', (header) => {
    expect(() => parseIfMatch(header)).toThrow(ValidationError);
    expect(() => parseIfMatch(header)).toThrow(/If-Match must be the rollout's revision/);
  });
});
