/**
 * The one error hierarchy (STYLE.md §7). Every error Edict raises on purpose carries a stable
 * `code` (`AREA.WHAT`), the HTTP status it maps to at the edge, and whether retrying the same
 * operation may succeed. Edges turn it into RFC 9457 problem+json; Kafka consumers use
 * `retriable` to decide between "do not commit the offset" and "send to the DLQ".
 */
export class EdictError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly retriable = false,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the input is malformed or breaks a rule of the format. */
export class ValidationError extends EdictError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, 400, false, details);
  }
}

/** 422: well-formed input whose content breaks the domain's rules (a bundle that does not compile). */
export class UnprocessableError extends EdictError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, 422, false, details);
  }
}

/** 401: no credentials, or credentials that do not verify. */
export class UnauthenticatedError extends EdictError {
  constructor(code: string, message: string) {
    super(code, message, 401);
  }
}

/** 403: authenticated, but not allowed to do this. */
export class ForbiddenError extends EdictError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, 403, false, details);
  }
}

/** 404: the thing asked for does not exist. */
export class NotFoundError extends EdictError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, 404, false, details);
  }
}

/** 409: the command does not fit the current state (a lifecycle rule, a stale revision). */
export class ConflictError extends EdictError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>, retriable = false) {
    super(code, message, 409, retriable, details);
  }
}

/** 413: the body or document is over a size limit. */
export class PayloadTooLargeError extends EdictError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, 413, false, details);
  }
}

/** 503: a dependency (store, broker, OPA) is not reachable now; retrying may succeed. */
export class UnavailableError extends EdictError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, 503, true, details);
  }
}

export const isEdictError = (e: unknown): e is EdictError => e instanceof EdictError;
