import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ServiceMetrics } from '@edict/observability';
import { isJsonMediaType, jsonBodyLimitsFromEnv, LOGGER, mediaTypeOf, TOKEN_VERIFIER, type TokenVerifier } from '@edict/service-kit';
import type { Logger } from '@edict/observability';
import { DecisionService } from '../../decide/decision.service';
import { DECISIONS_ROUTE, fastDecisionsHandler } from './fast-decisions.handler';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Whether the fast path takes a request: `POST /v1/decisions` exactly, with a JSON body and no
 * content encoding and no `explain` query. Everything else (other routes, other spellings of the path, 415 cases,
 * gzip bodies, `?explain=full`) goes to Express and Nest, which answer it as before.
 */
export function takesFastPath(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const path = url.includes('?') ? url.slice(0, url.indexOf('?')) : url;
  if (path !== DECISIONS_ROUTE) return false;
  if (path.length !== url.length && /[?&]explain(=|&|$)/.test(url)) return false; // explained decisions go to Nest's controller
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const mediaType = mediaTypeOf(req.headers['content-type']);
  return mediaType !== undefined && isJsonMediaType(mediaType);
}

/**
 * Puts the fast decision path in front of the app's own request listener, on the same server
 * and port: call it after the app is created and before it listens (bootstrapService's beforeListen).
 */
export function installFastDecisions(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  const nest = server.listeners('request') as Listener[];
  const fast = fastDecisionsHandler({
    decisions: app.get(DecisionService),
    verify: app.get<symbol, TokenVerifier>(TOKEN_VERIFIER),
    metrics: app.get(ServiceMetrics),
    logger: app.get<symbol, Logger>(LOGGER),
    jsonLimits: jsonBodyLimitsFromEnv(),
  });
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (takesFastPath(req)) return fast(req, res);
    for (const listener of nest) listener(req, res);
  });
}
