import type { OpenAPIObject, ParameterObject, ReferenceObject } from '@nestjs/swagger';
import { POLICY_ID_FORMS_PATTERN } from '@edict/contracts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Constraints of path parameters the pipes enforce by name (`policyId`: PolicyIdPipe's forms). */
const BY_NAME: Readonly<Record<string, { pattern: string; description: string; example: string }>> = {
  policyId: { pattern: POLICY_ID_FORMS_PATTERN, description: 'a policy id, URL-encoded (org%2Fbaseline)', example: 'org/baseline' },
};

const isParameter = (p: ParameterObject | ReferenceObject): p is ParameterObject => !('$ref' in p);

/**
 * Writes the known constraints onto the path parameters of every operation, and declares the
 * ones Swagger leaves out (wildcard routes such as `*policy` become `{policy}` without a parameter).
 */
export function documentPathParameters(document: OpenAPIObject): OpenAPIObject {
  for (const [template, item] of Object.entries(document.paths)) {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const declared = (operation.parameters ?? []).filter(isParameter);
      const missing = names.filter((name) => !declared.some((p) => p.in === 'path' && p.name === name));
      operation.parameters = [...(operation.parameters ?? []), ...missing.map((name): ParameterObject => ({ name, in: 'path', required: true, schema: { type: 'string' } }))];
      for (const parameter of operation.parameters.filter(isParameter)) {
        const known = BY_NAME[parameter.name];
        if (parameter.in !== 'path' || known === undefined) continue;
        parameter.schema = { type: 'string', pattern: known.pattern, example: known.example };
        parameter.description ??= known.description;
      }
    }
  }
  return document;
}
