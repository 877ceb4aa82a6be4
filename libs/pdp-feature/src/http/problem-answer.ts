import type { IncomingMessage, ServerResponse } from 'node:http';
import { isEdictError } from '@edict/core';
import { currentContext, requestPath, type Logger } from '@edict/observability';
import { EdgeCodes, PROBLEM_CONTENT_TYPE, problemBody, type ProblemDetails } from '@edict/service-kit/edge';

/** The detail of every 500, as service-kit's: nothing internal, but how to find it in the logs. */
const INTERNAL_DETAIL = 'An unexpected error occurred. Quote the correlation id when reporting it.';

/**
 * What service-kit's problemFromException answers, for the errors the lean runtime can meet:
 * an EdictError carries its code, status and details; anything else is a 500 saying nothing of
 * its cause. (Nest's HttpExceptions, the other half there, cannot reach a runtime without Nest.)
 */
export function problemOf(error: unknown, instance: string): ProblemDetails {
  const correlationId = currentContext()?.correlationId;
  const extras = correlationId === undefined ? {} : { correlationId };
  if (isEdictError(error) && error.status >= 400 && error.status <= 599) {
    return problemBody({ instance, code: error.code, status: error.status, detail: error.message, extras: { ...error.details, ...extras } });
  }
  return problemBody({ instance, code: EdgeCodes.internal, status: 500, detail: INTERNAL_DETAIL, extras });
}

/** Writes a problem+json answer, as service-kit's ProblemDetailsFilter: WWW-Authenticate on 401, a 5xx logged with its cause. */
export function answerProblem(req: IncomingMessage, res: ServerResponse, error: unknown, logger: Logger, headers: Readonly<Record<string, string>> = {}): void {
  const problem = problemOf(error, requestPath(req));
  const fields = { code: problem.code, status: problem.status, method: req.method, path: problem.instance };
  if (problem.status >= 500) logger.error({ ...fields, err: error }, 'request failed');
  else logger.debug(fields, 'request refused');
  if (problem.status === 401) {
    res.setHeader('www-authenticate', problem.code === EdgeCodes.tokenInvalid ? 'Bearer realm="edict", error="invalid_token"' : 'Bearer realm="edict"');
  }
  const json = JSON.stringify(problem);
  res.writeHead(problem.status, { ...headers, 'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, 'content-length': Buffer.byteLength(json) });
  res.end(json);
}
