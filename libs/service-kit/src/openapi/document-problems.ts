import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details';
import { PROBLEM_EXTENSION_PREFIX } from './api-problems.decorator';
import { PROBLEM_SCHEMA, PROBLEM_SCHEMA_NAME } from './problem.schema';

/** OpenAPI extension the `@Roles()` decorator writes: the roles an operation requires. */
export const ROLES_EXTENSION = 'x-edict-roles';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const problem = (description: string): ResponseObject => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } } },
});

/**
 * Adds the problem+json schema as a component and, to every operation, the problems it can
 * answer: 400 always (malformed or invalid input), 401 unless public, 403 when it requires
 * roles, 413/415 when it takes a body, and the statuses its handler declares with `@ApiProblems`.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA } };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation) addProblems(operation);
    }
  }
  return document;
}

function addProblems(operation: OperationObject): void {
  // Extensions are not in OperationObject's type, though Swagger writes them onto the object.
  const extensions: [string, unknown][] = Object.entries(operation);
  const add = (status: number, description: string): void => {
    operation.responses[String(status)] ??= problem(description);
  };
  add(400, 'malformed or invalid input (REQUEST.*; `errors` names each broken constraint)');
  if (operation.security === undefined || operation.security.length > 0) add(401, 'no valid bearer token (AUTH.TOKEN_MISSING, AUTH.TOKEN_INVALID)');
  if (Array.isArray(Reflect.get(operation, ROLES_EXTENSION))) add(403, 'the token lacks a required role (AUTH.ROLE_REQUIRED) or the scope');
  if (operation.requestBody !== undefined) {
    add(413, 'the body exceeds the size or structure limits (REQUEST.TOO_LARGE, REQUEST.TOO_DEEP, …)');
    add(415, 'the body is not JSON (REQUEST.UNSUPPORTED_MEDIA_TYPE)');
  }
  for (const [key, value] of extensions) {
    if (key.startsWith(PROBLEM_EXTENSION_PREFIX) && typeof value === 'string') add(Number(key.slice(PROBLEM_EXTENSION_PREFIX.length)), value);
  }
  // A handler's own @ApiNotFoundResponse etc. keeps its description and gets the problem body.
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) >= 400 && response !== undefined && !('$ref' in response)) response.content ??= problem(response.description).content;
  }
}
