/** Codes the HTTP edge itself produces (feature codes live with their errors). */
export const EdgeCodes = {
  malformedJson: 'REQUEST.MALFORMED_JSON',
  invalid: 'REQUEST.INVALID',
  tooLarge: 'REQUEST.TOO_LARGE',
  tooDeep: 'REQUEST.TOO_DEEP',
  tooManyMembers: 'REQUEST.TOO_MANY_MEMBERS',
  nonFiniteNumber: 'REQUEST.NON_FINITE_NUMBER',
  invalidUtf8: 'REQUEST.INVALID_UTF8',
  unsupportedMediaType: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  routeNotFound: 'ROUTE.NOT_FOUND',
  methodNotAllowed: 'REQUEST.METHOD_NOT_ALLOWED',
  tokenMissing: 'AUTH.TOKEN_MISSING',
  tokenInvalid: 'AUTH.TOKEN_INVALID',
  roleRequired: 'AUTH.ROLE_REQUIRED',
  notReady: 'SERVICE.NOT_READY',
  internal: 'INTERNAL',
} as const;

// Nest's HttpExceptions (thrown by Nest itself or by code that does not use EdictError) have no
// code of their own; they get one by status so that clients can always switch on `code`.
const BY_STATUS: Readonly<Record<number, string>> = {
  400: 'REQUEST.BAD_REQUEST',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'RESOURCE.NOT_FOUND',
  405: EdgeCodes.methodNotAllowed,
  406: 'REQUEST.NOT_ACCEPTABLE',
  408: 'REQUEST.TIMEOUT',
  409: 'CONFLICT',
  412: 'REQUEST.PRECONDITION_FAILED',
  413: EdgeCodes.tooLarge,
  415: EdgeCodes.unsupportedMediaType,
  422: 'REQUEST.UNPROCESSABLE',
  429: 'REQUEST.RATE_LIMITED',
  500: EdgeCodes.internal,
  503: 'SERVICE.UNAVAILABLE',
  504: 'SERVICE.TIMEOUT',
};

/** The code for an HttpException of this status (`HTTP.<status>` for the rare ones). */
export const codeForStatus = (status: number): string => BY_STATUS[status] ?? `HTTP.${status}`;
