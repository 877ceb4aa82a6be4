import { STATUS_CODES } from 'node:http';

/** The media type of every error response (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Problem types are URNs built from the stable code (`urn:edict:problem:BUNDLE.VERSION_REUSED`):
 * unique and stable without promising a documentation URL that might not resolve.
 */
export const PROBLEM_TYPE_PREFIX = 'urn:edict:problem:';

/** An RFC 9457 problem with Edict's stable `code`; extra members come from the error's details. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: string;
  readonly [extra: string]: unknown;
}

export interface ProblemInput {
  readonly code: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly extras?: Readonly<Record<string, unknown>>;
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code']);

/**
 * Builds the body. Extras are members beside the standard ones (e.g. `errors`, `requiredRoles`,
 * `correlationId`); an extra named like a standard member is dropped, never let overwrite it.
 */
export function problemBody(input: ProblemInput): ProblemDetails {
  const extras = Object.entries(input.extras ?? {}).filter(([name]) => !STANDARD_MEMBERS.has(name));
  return {
    type: `${PROBLEM_TYPE_PREFIX}${input.code}`,
    title: STATUS_CODES[input.status] ?? 'Error',
    status: input.status,
    detail: input.detail,
    ...(input.instance === undefined ? {} : { instance: input.instance }),
    code: input.code,
    ...Object.fromEntries(extras),
  };
}
