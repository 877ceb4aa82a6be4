import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC_KEY = 'edict:auth:public';
/** OpenAPI extension marking operations that need no token (the document setup reads it). */
export const PUBLIC_OPERATION_EXTENSION = 'x-edict-public';

/** Lets a handler or a whole controller through without a token (health, metrics, OPA's APIs). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));
