import { EdictError } from '@edict/core';
import type { HttpMiddleware } from '@edict/observability';
import { EdgeCodes } from '../problem/problem-codes';
import { fromBodyParserError } from './body-parser-error';
import { isAcceptedBody } from './media-type';

/**
 * Rejects a body of a media type no parser here reads with 415, rather than letting it through
 * unparsed (a JSON body sent as text/plain would otherwise fail validation as "all fields missing").
 */
export const unsupportedMediaTypeMiddleware =
  (textMediaTypes: readonly string[]): HttpMiddleware =>
  (req, _res, next) => {
    if (isAcceptedBody(req.headers, textMediaTypes)) return next();
    const accepted = ['application/json', ...textMediaTypes];
    const message = `The request body must be one of: ${accepted.join(', ')}.`;
    next(new EdictError(EdgeCodes.unsupportedMediaType, message, 415, false, { accepted }));
  };

/** An Express error middleware, registered right after the parsers, that hands on their failures as EdictErrors. */
export type HttpErrorMiddleware = (error: unknown, req: unknown, res: unknown, next: (error?: unknown) => void) => void;

export const bodyParserErrorMiddleware: HttpErrorMiddleware = (error, _req, _res, next) => {
  next(fromBodyParserError(error) ?? error);
};
