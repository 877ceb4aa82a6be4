import { DEFAULT_JSON_BODY_LIMITS, jsonBodyLimitsFromEnv } from './json-body-limits';
import { prescanJson } from './json-prescan';

const limits = { maxDepth: 3, maxMembers: 5 };

describe('prescanJson', () => {
  it('passes JSON within the limits, brackets and commas inside strings not counted', () => {
    expect(prescanJson('{"a": [1, 2, {"b": "[[[[,,,,]]]]"}]}', limits)).toBeNull();
    expect(prescanJson('{"q": "\\"[[[[", "n": -1.5e3}', limits)).toBeNull();
    expect(prescanJson('[[], {}, []]', limits)).toBeNull();
  });

  it('finds nesting deeper than the limit at its bracket', () => {
    expect(prescanJson('[[[[1]]]]', limits)).toEqual({ kind: 'too-deep', offset: 3 });
    expect(prescanJson('['.repeat(100_000), DEFAULT_JSON_BODY_LIMITS)).toEqual({ kind: 'too-deep', offset: 64 });
  });

  it('counts keys and items across the whole body', () => {
    expect(prescanJson('[1, 2, 3, 4, 5]', limits)).toBeNull();
    expect(prescanJson('[1, 2, 3, 4, 5, 6]', limits)).toMatchObject({ kind: 'too-many-members' });
    expect(prescanJson('{"a": [1, 2], "b": {"c": 1, "d": 2}}', limits)).toMatchObject({ kind: 'too-many-members' });
  });

  it('finds number literals that overflow to Infinity, and only those', () => {
    expect(prescanJson('{"x": 1e400}', limits)).toEqual({ kind: 'non-finite-number', offset: 6, literal: '1e400' });
    expect(prescanJson('[-2E+999]', limits)).toMatchObject({ kind: 'non-finite-number', literal: '-2E+999' });
    expect(prescanJson(`[${'9'.repeat(400)}]`, limits)).toMatchObject({ kind: 'non-finite-number' });
    expect(prescanJson('[1e308, 5e-400, 123456789012345678901234567890, "1e400"]', limits)).toBeNull();
  });

  it('reads its limits from the environment and refuses nonsense', () => {
    expect(jsonBodyLimitsFromEnv({})).toEqual(DEFAULT_JSON_BODY_LIMITS);
    expect(jsonBodyLimitsFromEnv({ EDICT_HTTP_MAX_JSON_DEPTH: '10', EDICT_HTTP_MAX_JSON_MEMBERS: '99' })).toEqual({ maxDepth: 10, maxMembers: 99 });
    expect(() => jsonBodyLimitsFromEnv({ EDICT_HTTP_MAX_JSON_DEPTH: '0' })).toThrow(/EDICT_HTTP_MAX_JSON_DEPTH/);
  });
});
