import { EdictError, PayloadTooLargeError, ValidationError } from '@edict/core';
import { EdgeCodes } from '../problem/problem-codes';

/** The shape of the errors body-parser (through http-errors) passes to `next`. */
interface BodyParserError {
  readonly type: string;
  readonly status: number;
  readonly message: string;
  readonly limit?: number;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  error instanceof Error &&
  typeof (error as { type?: unknown }).type === 'string' &&
  typeof (error as { status?: unknown }).status === 'number';

/**
 * Translates a body-parser failure into the edge's codes. Nest would otherwise turn a parse
 * failure into a plain BadRequestException, and the filter could no longer tell "malformed JSON"
 * from any other 400. Returns undefined for anything that is not a body-parser error.
 */
export function fromBodyParserError(error: unknown): EdictError | undefined {
  if (!isBodyParserError(error)) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new ValidationError(EdgeCodes.malformedJson, `The request body is not valid JSON: ${error.message}`);
    case 'entity.too.large':
      return new PayloadTooLargeError(
        EdgeCodes.tooLarge,
        'The request body is larger than this endpoint accepts.',
        error.limit === undefined ? undefined : { limitBytes: error.limit },
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new EdictError(EdgeCodes.unsupportedMediaType, error.message, 415);
    default:
      // request.aborted, request.size.invalid: the client sent a broken body
      return error.status >= 400 && error.status <= 499
        ? new ValidationError('REQUEST.MALFORMED_BODY', error.message)
        : undefined;
  }
}
