import type { ValidationError as ClassValidatorError } from 'class-validator';

/** One broken constraint: where in the input (`rules.0.id`; `` for the body itself) and why. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/**
 * Flattens class-validator's tree of errors into one entry per broken constraint, with a
 * dotted path into the input (array items by index). Order follows the input's properties.
 */
export function flattenValidationErrors(errors: readonly ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}
