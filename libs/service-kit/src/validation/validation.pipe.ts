import { ValidationPipe } from '@nestjs/common';
import { ValidationError } from '@edict/core';
import { EdgeCodes } from '../problem/problem-codes';
import { flattenValidationErrors } from './validation-errors';

/**
 * The global pipe: DTOs are validated with class-validator, unknown properties are refused
 * (whitelist + forbidNonWhitelisted) and payloads become DTO instances. A failure is an EdictError
 * `REQUEST.INVALID` with `errors: [{ path, message }]`, so HTTP answers 400 problem+json and a
 * Kafka handler (which the lead binds the same pipe to) sees a non-retriable error for the DLQ.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Never echo the rejected values or the target object back; the paths and messages suffice.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ValidationError(EdgeCodes.invalid, 'The request does not match the expected shape.', {
        errors: flattenValidationErrors(errors),
      }),
  });
}
