import type { OpenAPIObject, ParameterObject, ReferenceObject } from '@nestjs/swagger';
import { POLICY_ID_FORMS_PATTERN } from '@edict/contracts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Constraints of path parameters the pipes enforce by name (`policyId`: PolicyIdPipe's forms). */
const BY_NAME: Readonly<Record<string, { pattern: string; description: string }>> = {
  policyId: { pattern: POLICY_ID_FORMS_PATTERN, description: 'a policy id, URL-encoded (org%2Fbaseline)' },
};

const isParameter = (p: ParameterObject | ReferenceObject): p is ParameterObject => !('$ref' in p);

/** Writes the known constraints onto the path parameters of every operation. */
export function documentPathParameters(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      for (const parameter of (item[method]?.parameters ?? []).filter(isParameter)) {
        const known = BY_NAME[parameter.name];
        if (parameter.in !== 'path' || known === undefined) continue;
        parameter.schema = { type: 'string', pattern: known.pattern };
        parameter.description ??= known.description;
      }
    }
  }
  return document;
}
