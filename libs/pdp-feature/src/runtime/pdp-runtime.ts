import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Consumer } from 'kafkajs';
import { Topics } from '@edict/contracts';
import { consumerGroupOf, ensureTopics } from '@edict/messaging/kafka';
import { metricsFor, registerReadinessCheck, shutdownTelemetry } from '@edict/observability';
import { jsonBodyLimitsFromEnv, readBearerToken, requireAnyRole, tlsOptionsFromEnv } from '@edict/service-kit/edge';
import { UnauthenticatedError } from '@edict/core';
import { EdgeCodes } from '@edict/service-kit/edge';
import { exceptionEventHandlers } from '../exceptions/exception-events.consumer';
import { DECISION_CALLERS } from '../http/decision-callers';
import { DECISIONS_ROUTE, fastDecisionsHandler } from '../http/fast/fast-decisions.handler';
import { rolloutEventHandlers } from '../sync/rollout-events.consumer';
import { liveness, readiness, scrape } from './health-routes';
import { createPdpComponents, type PdpComponents } from './pdp-components';
import { KafkaReadiness } from './kafka-readiness';
import { kafkaReachable, pdpConsumerTiming, startPdpEventConsumer, stopPdpEventConsumer } from './pdp-event-consumer';
import { pdpRouter } from './pdp-http.router';
import { lazyOpenApi } from './pdp-openapi';
import { heldPolicies } from './held-policies';

export interface PdpRuntime {
  readonly components: PdpComponents;
  readonly server: Server;
  readonly port: number;
  /** graceful stop: no new requests, consumer and loops stopped, the decision log drained */
  stop(): Promise<void>;
}

/**
 * The PDP sidecar without Nest: verified bundles from distribution (long poll + push from
 * edict.rollouts.v1), exceptions from authoring (+ edict.exceptions.v1), decisions over node:http,
 * decision logs to Kafka, the fleet report, /healthz, /readyz, /metrics, and the OpenAPI document
 * (Nest loaded for it on first request only). Starts in the order the Nest module did: topics and
 * readiness checks, the first serving poll, exceptions and the fleet report, the consumer, then
 * the listener.
 */
export async function startPdpRuntime(options: { readonly port: number; readonly host?: string; readonly env?: NodeJS.ProcessEnv }): Promise<PdpRuntime> {
  const env = options.env ?? process.env;
  const c = createPdpComponents(env);
  const timing = pdpConsumerTiming(env);
  // fresh while the consumer's held fetch answered within a wait and 5 s
  const kafkaReadiness = new KafkaReadiness(() => kafkaReachable(c.kafka), timing.maxWaitTimeInMs + 5000);
  const unregister = [
    registerReadinessCheck('kafka', () => kafkaReadiness.check()),
    registerReadinessCheck('kafka-publisher', () => c.publisher.ready()),
  ];
  let consumer: Consumer | undefined;
  const docs = lazyOpenApi(c);
  const metrics = metricsFor('pdp');
  const decide = fastDecisionsHandler({ decisions: c.decisions, verify: c.verify, logger: c.logger, jsonLimits: jsonBodyLimitsFromEnv(env) });
  const policies = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const bearer = readBearerToken(req.headers.authorization);
    if (bearer.kind === 'missing') throw new UnauthenticatedError(EdgeCodes.tokenMissing, 'A bearer token is required.');
    if (bearer.kind === 'malformed') throw new UnauthenticatedError(EdgeCodes.tokenInvalid, 'The Authorization header must be "Bearer <token>".');
    requireAnyRole((await c.verify(bearer.token)).roles, DECISION_CALLERS);
    const json = JSON.stringify(heldPolicies(c.pdp));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
  };
  const router = pdpRouter(
    [
      {
        path: DECISIONS_ROUTE,
        methods: {
          POST: (req, res) => {
            c.idle.busy();
            return decide(req, res);
          },
        },
      },
      { path: '/v1/policies', methods: { GET: policies } },
      { path: '/healthz', methods: { GET: liveness } },
      { path: '/readyz', methods: { GET: readiness(c.logger) } },
      { path: '/metrics', methods: { GET: scrape(metrics) } },
    ],
    { metrics, logger: c.logger, docs },
  );
  const tls = tlsOptionsFromEnv(env);
  const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, router) : createHttpServer(router);
  try {
    await ensureTopics(c.kafka);
    c.log.onApplicationBootstrap();
    await c.serving.onApplicationBootstrap();
    c.exceptions.onApplicationBootstrap();
    c.fleet.onApplicationBootstrap();
    consumer = await startPdpEventConsumer(c.kafka, consumerGroupOf(`pdp-${c.config.name}`), c.consumer, {
      [Topics.rollouts]: rolloutEventHandlers(c.serving),
      [Topics.exceptions]: exceptionEventHandlers(c.exceptions),
    }, timing);
    unregister.push(kafkaReadiness.watch(consumer));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    c.logger.error({ err: error }, 'pdp failed to start');
    await stopAll();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  c.logger.info({ url: `${tls ? 'https' : 'http'}://${options.host ?? 'localhost'}:${port}`, port }, 'pdp listening');

  let stopping: Promise<void> | undefined;
  async function stopAll(): Promise<void> {
    unregister.forEach((remove) => remove());
    await new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    if (consumer) {
      const left = await stopPdpEventConsumer(consumer).catch((error: unknown) => c.logger.warn({ err: String(error) }, 'consumer disconnect failed'));
      if (left === 'not-waited') c.logger.info('stopping without waiting for the Kafka fetch in flight; the group drops this member when its session ends');
    }
    c.serving.onApplicationShutdown();
    c.exceptions.onApplicationShutdown();
    c.fleet.onApplicationShutdown();
    c.idle.stop();
    await c.log.onApplicationShutdown(); // the decision log drained before the publisher goes
    await c.publisher.disconnect();
    await docs.close();
    await shutdownTelemetry();
  }
  return { components: c, server, port, stop: () => (stopping ??= stopAll()) };
}
