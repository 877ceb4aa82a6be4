import 'reflect-metadata';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DecisionPoint } from '@edict/pdp';
import { ServiceKitModule, setupOpenApi } from '@edict/service-kit';
import { createLogger } from '@edict/observability';
import { DecisionService } from '../decide/decision.service';
import { DecisionsController } from '../http/decisions.controller';

@Module({})
class PdpOpenApiRoot {}

/**
 * A Nest application that never listens, made only to generate and serve the PDP's OpenAPI
 * document: ServiceKitModule (health and metrics controllers, the bearer scheme) and the
 * decisions controller, with the running PDP's DecisionPoint and DecisionService as its
 * providers; setupOpenApi post-processes the document as for every service. Loaded lazily.
 */
export async function createOpenApiApp(deps: { readonly pdp: DecisionPoint; readonly decisions: DecisionService }): Promise<{ listener: (req: IncomingMessage, res: ServerResponse) => void; close(): Promise<void> }> {
  const logger = createLogger('pdp', { level: 'warn' });
  const app = await NestFactory.create<NestExpressApplication>(
    {
      module: PdpOpenApiRoot,
      imports: [
        ServiceKitModule.forRoot({ service: 'pdp', logger }),
        { module: class PdpOpenApiModule {}, controllers: [DecisionsController], providers: [{ provide: DecisionPoint, useValue: deps.pdp }, { provide: DecisionService, useValue: deps.decisions }] },
      ],
    },
    { logger: false, bodyParser: false },
  );
  setupOpenApi(app, 'pdp', process.env['EDICT_VERSION'] ?? '0.0.0-dev');
  await app.init();
  const listener = app.getHttpAdapter().getInstance() as (req: IncomingMessage, res: ServerResponse) => void;
  return { listener, close: () => app.close() };
}
