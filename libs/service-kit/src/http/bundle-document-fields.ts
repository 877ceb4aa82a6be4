import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The decorators of a body that carries a bundle document, parsed (`document`) or as YAML/JSON
 * text (`source`): authoring's draft and revise, validation's dry run. Property decorators rather
 * than a base class, so class-validator's metadata stays on each DTO and the OpenAPI constraints
 * (documentValidationConstraints looks classes up by schema name) stay the same.
 */
export const BundleDocumentFields = {
  document: (): PropertyDecorator => applyDecorators(ApiPropertyOptional({ description: 'the PolicyBundle document as JSON' }), IsOptional(), IsObject()),
  source: (description = 'the PolicyBundle document as YAML or JSON text'): PropertyDecorator =>
    applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsString(), MaxLength(1024 * 1024)),
  format: (): PropertyDecorator => applyDecorators(ApiPropertyOptional({ enum: ['yaml', 'json'] }), IsOptional(), IsIn(['yaml', 'json'])),
  filename: (): PropertyDecorator => applyDecorators(ApiPropertyOptional({ description: 'file name, for error messages' }), IsOptional(), IsString(), MaxLength(256)),
} as const;
