import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION } from '../auth/public.decorator';

export const BEARER_SCHEME = 'bearer';

/**
 * Serves the OpenAPI document at `/docs-json` and Swagger UI at `/docs`. Bearer auth is the
 * document-wide requirement; operations marked `@Public()` declare that they need none.
 */
export function setupOpenApi(app: INestApplication, service: string, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Edict ${service}`)
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = markPublicOperations(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
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
