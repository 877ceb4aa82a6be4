import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION } from '../auth/public.decorator';
import { documentProblems } from '../openapi/document-problems';
import { documentValidationConstraints } from '../openapi/validation-constraints';
import { documentPathParameters } from '../openapi/path-parameters';
import { methodNotAllowedMiddleware } from '../openapi/method-not-allowed.middleware';

export const BEARER_SCHEME = 'bearer';

/**
 * Serves the OpenAPI document at `/docs-json` and Swagger UI at `/docs`. Bearer auth is the
 * document-wide requirement; operations marked `@Public()` declare that they need none. Every
 * operation lists its problem+json answers (documentProblems); request schemas carry the
 * class-validator constraints the server enforces (documentValidationConstraints); a documented
 * path asked with an undocumented method answers 405 with `Allow`.
 */
export function setupOpenApi(app: INestApplication, service: string, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Edict ${service}`)
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = documentPathParameters(documentValidationConstraints(documentProblems(markPublicOperations(SwaggerModule.createDocument(app, config)))));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  app.use(methodNotAllowedMiddleware(document));
  return document;
}

function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.put, path.post, path.delete, path.patch, path.head, path.options]) {
      // The extension is not in OperationObject's type, though Swagger writes it onto the object.
      if (operation && Reflect.get(operation, PUBLIC_OPERATION_EXTENSION) === true) operation.security = [];
    }
  }
  return document;
}
