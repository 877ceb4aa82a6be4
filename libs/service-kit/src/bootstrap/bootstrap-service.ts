import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoNestLogger, createLogger, metricsFor } from '@edict/observability';
import { ServiceKitModule } from '../service-kit.module';
import type { BootstrapOptions } from './bootstrap.options';
import { jsonBodyLimitsFromEnv } from '../http/json-body-limits';
import { installHttpPipeline } from './http-pipeline';
import { listeningPort } from './listening-port';
import { tlsOptionsFromEnv } from './tls-options';
import { setupOpenApi } from './openapi.setup';

@Module({})
class EdictServiceModule {}

/**
 * Creates, configures and starts a service: JSON logs, the HTTP pipeline (correlation, metrics,
 * 1 MiB bodies, JSON depth and member limits, UTF-8 only), the global auth guard, validation pipe and problem+json filter, /healthz,
 * /readyz, /metrics, OpenAPI at /docs, shutdown hooks, HTTPS when EDICT_TLS_CERT_FILE/KEY_FILE are set; then `beforeListen(app)`, then listen.
 * The one call in every `apps/<svc>/src/main.ts`.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  const logger = options.logger ?? createLogger(options.name);
  const metrics = metricsFor(options.name);
  const jsonLimits = options.jsonLimits ?? jsonBodyLimitsFromEnv();
  const root: DynamicModule = {
    module: EdictServiceModule,
    imports: [ServiceKitModule.forRoot({ service: options.name, logger, ...(options.auth ? { auth: options.auth } : {}) }), options.rootModule],
  };
  // Our own parsers (installHttpPipeline) replace Nest's, for the limit and the error codes.
  const tls = tlsOptionsFromEnv();
  const app = await NestFactory.create<NestExpressApplication>(root, { logger: new PinoNestLogger(logger), bodyParser: false, ...(tls ? { httpsOptions: tls } : {}) });
  try {
    installHttpPipeline(app, { metrics, logger, textMediaTypes: options.textMediaTypes ?? [], jsonLimits });
    setupOpenApi(app, options.name, options.version ?? process.env['EDICT_VERSION'] ?? '0.0.0-dev');
    app.enableShutdownHooks();
    await options.beforeListen?.(app);
    await (options.host === undefined ? app.listen(options.port) : app.listen(options.port, options.host));
  } catch (error) {
    logger.error({ err: error }, 'service failed to start');
    await app.close();
    throw error;
  }
  logger.info({ url: await app.getUrl(), port: listeningPort(app) }, `${options.name} listening`);
  return app;
}
