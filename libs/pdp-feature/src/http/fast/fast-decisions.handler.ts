import type { IncomingMessage, ServerResponse } from 'node:http';
import { EdictError, UnauthenticatedError, ValidationError } from '@edict/core';
import type { Logger } from '@edict/observability';
import { EdgeCodes, hasBody, isJsonMediaType, mediaTypeOf, readBearerToken, requireAnyRole, type JsonBodyLimits, type TokenVerifier } from '@edict/service-kit/edge';
import type { DecisionService } from '../../decide/decision.service';
import { DecideBodyPipe } from '../decide-body.pipe';
import { DECISION_CALLERS } from '../decision-callers';
import { answerProblem } from '../problem-answer';
import { readJsonBody } from './json-body.reader';

export const DECISIONS_ROUTE = '/v1/decisions';

export interface FastDecisionsDeps {
  readonly decisions: DecisionService;
  readonly verify: TokenVerifier;
  readonly logger: Logger;
  readonly jsonLimits: JsonBodyLimits;
}

/** `?explain`: absent, or every value it was given (`explain=full` is the only one accepted). */
function explainOf(url: string): string | undefined {
  const query = url.indexOf('?');
  if (query === -1) return undefined;
  const values = new URLSearchParams(url.slice(query + 1)).getAll('explain');
  return values.length === 0 ? undefined : values.join(',');
}

/**
 * `POST /v1/decisions` without Express and Nest, in the order of service-kit's pipeline and the
 * controller it replaces: a body of another media type (415), the body read (size limit, gzip and
 * deflate inflated, other encodings 415, charset, UTF-8, JSON structure limits), the bearer token
 * through the cached verifier, roles, the compiled JSON Schema, `?explain` (only `full`, else 400
 * `PDP.EXPLAIN_INVALID`), the decision; problem+json errors with the same codes. The caller (the
 * runtime's router) sets the correlation context, the HTTP metric and the access line.
 */
export function fastDecisionsHandler(deps: FastDecisionsDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const pipe = new DecideBodyPipe();
  return async (req, res) => {
    try {
      const mediaType = mediaTypeOf(req.headers['content-type']);
      if (hasBody(req.headers) && (mediaType === undefined || !isJsonMediaType(mediaType))) {
        req.resume();
        throw new EdictError(EdgeCodes.unsupportedMediaType, 'The request body must be one of: application/json.', 415, false, { accepted: ['application/json'] });
      }
      const body = await readJsonBody(req, deps.jsonLimits);
      const bearer = readBearerToken(req.headers.authorization);
      if (bearer.kind === 'missing') throw new UnauthenticatedError(EdgeCodes.tokenMissing, 'A bearer token is required.');
      if (bearer.kind === 'malformed') throw new UnauthenticatedError(EdgeCodes.tokenInvalid, 'The Authorization header must be "Bearer <token>".');
      const principal = await deps.verify(bearer.token);
      requireAnyRole(principal.roles, DECISION_CALLERS);
      const question = pipe.transform(body);
      const explain = explainOf(req.url ?? '');
      if (explain !== undefined && explain !== 'full') throw new ValidationError('PDP.EXPLAIN_INVALID', `explain must be "full", not "${explain}"`);
      const json = JSON.stringify(explain === undefined ? deps.decisions.decide(question, principal) : deps.decisions.explain(question, principal));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    } catch (error) {
      answerProblem(req, res, error, deps.logger);
    }
  };
}
