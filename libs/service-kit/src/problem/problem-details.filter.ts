import { Catch, Inject } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { throwError } from 'rxjs';
import type { Observable } from 'rxjs';
import { currentContext, matchedRoute, requestPath } from '@edict/observability';
import type { HttpRequest, HttpResponse, Logger } from '@edict/observability';
import { LOGGER } from '../service-kit.tokens';
import { EdgeCodes } from './problem-codes';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import type { ProblemDetails } from './problem-details';
import { problemFromException } from './problem-from-exception';

/**
 * The global exception filter: every HTTP error leaves as RFC 9457 problem+json with a stable
 * `code` (see `problemFromException`). Server-side failures are logged with their cause and the
 * correlation id; the client gets only the id. Other contexts (Kafka handlers) get the exception
 * back untouched, for the messaging layer to retry or dead-letter.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const response = http.getResponse<HttpResponse>();
    const correlationId = currentContext()?.correlationId;
    const problem = problemFromException(exception, {
      instance: requestPath(request),
      routeMatched: matchedRoute(request) !== undefined,
      ...(correlationId === undefined ? {} : { correlationId }),
    });
    this.log(exception, problem, request);
    if (response.headersSent) {
      // Too late for a problem body (a stream failed midway): cut the response so the client sees it failed.
      response.destroy();
      return;
    }
    if (problem.status === 401) response.setHeader('www-authenticate', wwwAuthenticate(problem));
    response.statusCode = problem.status;
    response.setHeader('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.end(JSON.stringify(problem));
  }

  private log(exception: unknown, problem: ProblemDetails, request: HttpRequest): void {
    const fields = { code: problem.code, status: problem.status, method: request.method, path: problem.instance };
    if (problem.status >= 500) this.logger.error({ ...fields, err: exception }, 'request failed');
    else this.logger.debug(fields, 'request refused');
  }
}

// RFC 6750 §3: a 401 names the scheme, and why a presented token was refused.
const wwwAuthenticate = (problem: ProblemDetails): string =>
  problem.code === EdgeCodes.tokenInvalid ? 'Bearer realm="edict", error="invalid_token"' : 'Bearer realm="edict"';
