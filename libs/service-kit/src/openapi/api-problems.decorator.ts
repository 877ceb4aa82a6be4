import { applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/** Statuses a handler may answer with a problem beyond the generic 400/401/403. */
export type ProblemStatus = 404 | 409 | 410 | 412 | 413 | 415 | 422 | 428 | 429 | 503;

/** OpenAPI extension prefix the document setup turns into problem+json responses (`x-edict-problem-404`). */
export const PROBLEM_EXTENSION_PREFIX = 'x-edict-problem-';

/**
 * Documents that the handler (or every handler of a controller) can answer these statuses with
 * problem+json, e.g. `@ApiProblems({ 404: 'no such bundle', 409: 'the version was reused' })`.
 * One extension per status, so several decorators on one handler add up.
 */
export const ApiProblems = (problems: Partial<Record<ProblemStatus, string>>): MethodDecorator & ClassDecorator =>
  applyDecorators(...Object.entries(problems).map(([status, why]) => ApiExtension(`${PROBLEM_EXTENSION_PREFIX}${status}`, why)));
