import { Global, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ReadinessRegistry, ServiceMetrics, createLogger, metricsFor, readinessRegistry } from '@edict/observability';
import type { Logger } from '@edict/observability';
import type { AuthConfig } from './auth/auth.config';
import { resolveAuthConfig } from './auth/auth.config';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { createTokenVerifier } from './auth/token-verifier';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { LOGGER, SERVICE_NAME, TOKEN_VERIFIER } from './service-kit.tokens';
import { createValidationPipe } from './validation/validation.pipe';
import { TelemetryShutdown } from './bootstrap/telemetry-shutdown';

export interface ServiceKitOptions {
  readonly service: string;
  /** default: `createLogger(service)` */
  readonly logger?: Logger;
  /** default: `resolveAuthConfig()` from the environment */
  readonly auth?: AuthConfig;
  /** default: the process's `readinessRegistry` */
  readonly readiness?: ReadinessRegistry;
}

/**
 * The edge every service shares, as a global Nest module: the auth guard, the problem+json
 * filter and the validation pipe (as APP_* providers, so a TestingModule that imports this gets
 * them too), the health and metrics controllers, and injectable `LOGGER`, `SERVICE_NAME`,
 * `ServiceMetrics`, `ReadinessRegistry`. `bootstrapService` imports it; feature modules inject
 * its providers without importing it.
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const logger = options.logger ?? createLogger(options.service);
    const auth = options.auth ?? resolveAuthConfig();
    if (auth.mode === 'dev') {
      const warning = auth.usesDefaultSecret ? 'the PUBLIC DEFAULT dev secret: anyone can mint tokens' : 'a shared secret';
      logger.warn({ issuer: 'edict-dev' }, `AUTH IN DEV MODE: bearer tokens are verified with ${warning}; set EDICT_JWKS_URL in production`);
    }
    return {
      module: ServiceKitModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: LOGGER, useValue: logger },
        { provide: ServiceMetrics, useValue: metricsFor(options.service) },
        { provide: ReadinessRegistry, useValue: options.readiness ?? readinessRegistry },
        { provide: TOKEN_VERIFIER, useValue: createTokenVerifier(auth) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        TelemetryShutdown,
      ],
      exports: [SERVICE_NAME, LOGGER, ServiceMetrics, ReadinessRegistry, TOKEN_VERIFIER],
    };
  }
}
