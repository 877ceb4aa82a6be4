import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '@edict/core';
import { EdgeCodes } from '../problem/problem-codes';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The body of a command that takes none (`POST …/submit`): no body or `{}` passes; anything else
 * is refused like an unknown field of a DTO (400 `REQUEST.INVALID` with `errors`), rather than
 * dropped while the command runs anyway. Bind it as `@Body(NoBodyPipe) _body: undefined`.
 */
@Injectable()
export class NoBodyPipe implements PipeTransform<unknown, undefined> {
  transform(value: unknown): undefined {
    if (value === undefined || value === null || (isRecord(value) && Object.keys(value).length === 0)) return undefined;
    const errors = isRecord(value)
      ? Object.keys(value).map((path) => ({ path, message: `property ${path} should not exist` }))
      : [{ path: '', message: 'this command takes no body' }];
    throw new ValidationError(EdgeCodes.invalid, 'This command takes no body.', { errors });
  }
}
