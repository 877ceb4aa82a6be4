import { jsonErrorPosition } from './json-error-position';

describe('jsonErrorPosition', () => {
  it('given valid JSON, when scanned, then there is no error', () => {
    expect(jsonErrorPosition('{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}}')).toBeNull();
  });

  it.each([
    ['{"a": 1,}', 8, "expected a \"key\", found '}'"],
    ['{"a" 1}', 5, "expected ':', found '1'"],
    ['[1 2]', 3, "expected ',' or ']', found '2'"],
    ['{"a": tru}', 6, "unexpected 't'"],
    ['"abc', 4, 'unterminated string'],
    ['{} x', 3, "unexpected 'x' after the document"],
    ['', 0, 'unexpected end of input'],
  ])('given %j, when scanned, then the first error is at its offset', (text, offset, message) => {
    expect(jsonErrorPosition(text)).toEqual({ offset, message });
  });
});
