import { HttpException, NotFoundException } from '@nestjs/common';
import { isEdictError } from '@edict/core';
import { EdgeCodes, codeForStatus } from './problem-codes';
import { problemBody } from './problem-details';
import type { ProblemDetails } from './problem-details';

/** What the mapping needs to know about the request. */
export interface ProblemRequest {
  /** the request path, without the query */
  readonly instance: string;
  /** false when no route matched (Nest then throws a NotFoundException of its own) */
  readonly routeMatched: boolean;
  readonly correlationId?: string;
}

/** The detail of every 500: nothing internal, but how to find it in the logs. */
export const INTERNAL_DETAIL = 'An unexpected error occurred. Quote the correlation id when reporting it.';

/**
 * Maps anything a handler, guard, pipe or middleware threw to a problem body. `EdictError`
 * carries its own code, status and details; Nest's HttpExceptions are mapped by status; anything
 * else is a 500 whose detail says nothing about the cause (the caller logs the cause).
 */
export function problemFromException(exception: unknown, request: ProblemRequest): ProblemDetails {
  const common = { instance: request.instance, extras: request.correlationId ? { correlationId: request.correlationId } : {} };
  if (isEdictError(exception) && exception.status >= 400 && exception.status <= 599) {
    return problemBody({
      ...common,
      code: exception.code,
      status: exception.status,
      detail: exception.message,
      extras: { ...exception.details, ...common.extras },
    });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (exception instanceof NotFoundException && !request.routeMatched) {
      return problemBody({ ...common, code: EdgeCodes.routeNotFound, status: 404, detail: 'No route matches this method and path.' });
    }
    if (status >= 400 && status <= 499) {
      return problemBody({ ...common, code: codeForStatus(status), status, detail: httpExceptionDetail(exception) });
    }
    if (status >= 500 && status <= 599 && status !== 500) {
      // e.g. a ServiceUnavailableException: the status is useful to the client, the message may not be safe
      return problemBody({ ...common, code: codeForStatus(status), status, detail: 'The service cannot handle the request now.' });
    }
  }
  return problemBody({ ...common, code: EdgeCodes.internal, status: 500, detail: INTERNAL_DETAIL });
}

// Nest's built-in exceptions answer `{ statusCode, message, error }`, where message may be a list.
function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((m): m is string => typeof m === 'string').join('; ');
  return exception.message;
}
