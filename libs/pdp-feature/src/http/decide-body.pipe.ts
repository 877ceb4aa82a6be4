import type { ValidateFunction } from 'ajv';
import { ValidationError } from '@edict/core';
import type { DecideBody } from './decide-request.schema';
import { validate as generated } from './decide-request.validator.generated';

// decideRequestSchema compiled ahead of time by ajv: the PDP loads no ajv compiler (a unit spec
// keeps the generated module in step with the schema)
const validate = generated as ValidateFunction<DecideBody>;

const pathOf = (instancePath: string, missing?: unknown): string => {
  const base = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return typeof missing === 'string' ? (base ? `${base}.${missing}` : missing) : base;
};

/**
 * Validates a decide body; 400 `REQUEST.INVALID` with `errors: [{ path, message }]` like every other endpoint.
 * A plain class: the lean runtime calls it, and Nest's `@Body(DecideBodyPipe)` in the controller
 * (kept for the OpenAPI document) takes it as a pipe by its `transform` method.
 */
export class DecideBodyPipe {
  transform(value: unknown): DecideBody {
    if (validate(value)) return value;
    const errors = (validate.errors ?? []).map((e) => ({
      path: pathOf(e.instancePath, e.params['missingProperty'] ?? e.params['additionalProperty']),
      message: e.keyword === 'additionalProperties' ? 'is not allowed' : (e.message ?? 'is invalid'),
    }));
    throw new ValidationError('REQUEST.INVALID', 'The request does not match the expected shape.', { errors });
  }
}
