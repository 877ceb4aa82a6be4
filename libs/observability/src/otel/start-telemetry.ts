import { createRequire } from 'node:module';
import type * as OtelApi from '@opentelemetry/api';
import type * as HttpInstrumentation from '@opentelemetry/instrumentation-http';
import type * as KafkaJsInstrumentation from '@opentelemetry/instrumentation-kafkajs';
import type * as PgInstrumentation from '@opentelemetry/instrumentation-pg';
import type * as SdkNode from '@opentelemetry/sdk-node';
import { otelSettings, type OtelEnv } from './otel-settings';
import { otelTraceHooks } from './otel-trace-hooks';
import { installTraceHooks, tracingActive } from './trace-hooks';

/** The started SDK, flushed and stopped by shutdownTelemetry. */
let started: { shutdown(): Promise<void> } | undefined;

/** How long a shutdown waits for the last spans to be exported before the process goes on. */
const SHUTDOWN_TIMEOUT_MS = 3000;

/**
 * Exports what is still buffered and stops the SDK; nothing when telemetry never started. Bounded:
 * an OTLP endpoint that does not answer never holds a service's shutdown for more than 3 s.
 */
export async function shutdownTelemetry(): Promise<void> {
  const sdk = started;
  started = undefined;
  if (!sdk) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([sdk.shutdown().catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_TIMEOUT_MS)))]);
  clearTimeout(timer);
}

/** Loads a module by name (node's require; a test passes a spy). */
export type ModuleLoader = (id: string) => unknown;

// health and scrape traffic would bury the traces that matter
const UNTRACED_PATHS = /^\/(metrics|healthz|readyz|docs)(\/|\?|-json|$)/;

/**
 * Starts the OpenTelemetry Node SDK (traces and metrics over OTLP, configured by the standard
 * OTEL_* variables; http, pg and kafkajs instrumentation) when otelSettings says so, and returns
 * whether it did. It must run before http, pg or kafkajs are required: the instrumentations patch
 * modules as they are loaded. Off, it loads nothing of OpenTelemetry. The service name is
 * `edict-<service>` unless OTEL_SERVICE_NAME says otherwise.
 */
export function startTelemetry(service: string, env: OtelEnv = process.env, load: ModuleLoader = createRequire(__filename)): boolean {
  if (tracingActive() || !otelSettings(env).enabled) return tracingActive();
  const api = load('@opentelemetry/api') as typeof OtelApi;
  const { NodeSDK } = load('@opentelemetry/sdk-node') as typeof SdkNode;
  const { HttpInstrumentation: Http } = load('@opentelemetry/instrumentation-http') as typeof HttpInstrumentation;
  const { PgInstrumentation: Pg } = load('@opentelemetry/instrumentation-pg') as typeof PgInstrumentation;
  const { KafkaJsInstrumentation: KafkaJs } = load('@opentelemetry/instrumentation-kafkajs') as typeof KafkaJsInstrumentation;
  const name = `edict-${service}`;
  const sdk = new NodeSDK({
    ...(env['OTEL_SERVICE_NAME'] ? {} : { serviceName: name }),
    instrumentations: [
      new Http({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? '') }),
      // a query outside any traced work (the relay's tailing, leases) would be a trace of its own
      new Pg({ requireParentSpan: true }),
      new KafkaJs(),
    ],
  });
  sdk.start();
  started = sdk;
  installTraceHooks(otelTraceHooks(api, name));
  return true;
}
