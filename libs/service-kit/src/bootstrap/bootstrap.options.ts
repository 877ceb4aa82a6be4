import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { Logger } from '@edict/observability';
import type { AuthConfig } from '../auth/auth.config';
import type { JsonBodyLimits } from '../http/json-body-limits';

/** What `bootstrapService` needs to know about a service. */
export interface BootstrapOptions {
  /** kebab-case service name: the logs' `service`, the metrics' `edict_<name>_…`, the OpenAPI title */
  readonly name: string;
  /** the service's root module (from its feature lib) */
  readonly rootModule: Type<unknown> | DynamicModule;
  /** 0 picks a free port (tests); read it back with `listeningPort(app)` */
  readonly port: number;
  /** default: all interfaces */
  readonly host?: string;
  /** runs after the app is set up and before it listens, e.g. to connect the Kafka microservice */
  readonly beforeListen?: (app: INestApplication) => Promise<void>;
  /** default: `createLogger(name)`; tests pass one that writes to memory */
  readonly logger?: Logger;
  /** default: from the environment (`resolveAuthConfig`) */
  readonly auth?: AuthConfig;
  /**
   * Media types accepted besides JSON, parsed as text (the handler gets a string), e.g.
   * `application/yaml` for bundles. Any other body type is refused with 415.
   */
  readonly textMediaTypes?: readonly string[];
  /** the API version in the OpenAPI document; default `EDICT_VERSION` or `0.0.0-dev` */
  readonly version?: string;
  /** nesting and member limits of JSON bodies; default `jsonBodyLimitsFromEnv()` (depth 64, 10,000 members) */
  readonly jsonLimits?: JsonBodyLimits;
}

/** Largest JSON (or text) body any endpoint accepts; larger ones get 413 `REQUEST.TOO_LARGE`. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
