import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Schema = SchemaObject | ReferenceObject;
type Class = abstract new (...args: never[]) => unknown;
const isSchema = (schema: Schema | undefined): schema is SchemaObject => schema !== undefined && !('$ref' in schema);

/**
 * Swagger does not read class-validator's decorators (the Nest CLI plugin's classValidatorShim
 * would, at compile time; swc builds without it). This does at run time: every component schema
 * named like a class that class-validator knows gets the constraints the validation pipe enforces
 * (`@IsNotEmpty` → minLength 1, `@MaxLength`, `@Matches` → pattern, `@IsIn` → enum, `@Min`/`@Max`,
 * `@IsInt`, array sizes) and `additionalProperties: false` (the pipe forbids unknown members).
 */
export function documentValidationConstraints(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  for (const target of validatedClasses()) {
    const schema = schemas[target.name];
    if (!isSchema(schema)) continue;
    schema.additionalProperties = false;
    const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    for (const rule of metadata) {
      const property = schema.properties?.[rule.propertyName];
      if (!isSchema(property)) continue;
      const items = property.type === 'array' ? property.items : undefined;
      const into = rule.each ? (isSchema(items) ? items : undefined) : property;
      if (into) applyRule(into, rule);
    }
  }
  return document;
}

/** The classes with class-validator metadata (its storage keeps them in a Map, not exposed). */
function validatedClasses(): Class[] {
  const byTarget: unknown = Reflect.get(getMetadataStorage(), 'validationMetadatas');
  if (!(byTarget instanceof Map)) return [];
  const keys: unknown[] = [...byTarget.keys()];
  return keys.filter((key): key is Class => typeof key === 'function').filter((target) => target.name !== '');
}

function applyRule(schema: SchemaObject, rule: ValidationMetadata): void {
  const constraints: unknown[] = rule.constraints ?? [];
  const first = constraints[0];
  const number = typeof first === 'number' ? first : undefined;
  switch (rule.name ?? '') {
    case 'isNotEmpty':
      if (schema.type === 'string') schema.minLength = Math.max(schema.minLength ?? 0, 1);
      return;
    case 'minLength': if (number !== undefined) schema.minLength = number; return;
    case 'maxLength': if (number !== undefined) schema.maxLength = number; return;
    case 'matches':
      // A pattern with flags cannot be written as a JSON Schema pattern; the server still enforces it.
      if (first instanceof RegExp && first.flags === '') schema.pattern = first.source;
      return;
    case 'isIn': if (Array.isArray(first)) schema.enum = [...(first as readonly unknown[])]; return;
    case 'min': if (number !== undefined) schema.minimum = number; return;
    case 'max': if (number !== undefined) schema.maximum = number; return;
    case 'isPositive': schema.exclusiveMinimum = true; schema.minimum = 0; return;
    case 'isInt': schema.type = 'integer'; return;
    case 'arrayMinSize': if (number !== undefined) schema.minItems = number; return;
    case 'arrayMaxSize': if (number !== undefined) schema.maxItems = number; return;
    case 'arrayNotEmpty': schema.minItems = Math.max(schema.minItems ?? 0, 1); return;
    default:
  }
}
