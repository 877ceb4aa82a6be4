import type { RawAnswer } from './raw-client';

/** The RFC 9457 answer a case expects: status, stable code and, for shape errors, the field named. */
export interface ExpectedProblem {
  readonly status: number;
  readonly code: string;
  /** a `path` in `errors` (REQUEST.INVALID names the fields it refused) */
  readonly path?: string;
}

/** Checks a problem+json answer; on a mismatch the failure shows what came back instead. */
export function expectProblem(answer: RawAnswer, expected: ExpectedProblem): void {
  expect({ status: answer.status, code: answer.body['code'], contentType: answer.contentType }).toEqual({
    status: expected.status,
    code: expected.code,
    contentType: 'application/problem+json; charset=utf-8',
  });
  const { type, status, title, detail } = answer.body;
  expect({ type, status, title: typeof title, detail: typeof detail }).toEqual({
    type: `urn:edict:problem:${expected.code}`,
    status: expected.status,
    title: 'string',
    detail: 'string',
  });
  if (expected.path !== undefined) {
    expect(answer.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ path: expected.path })]));
  }
  if (expected.status === 401) expect(answer.wwwAuthenticate).toMatch(/^Bearer realm="edict"/);
}
