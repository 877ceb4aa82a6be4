import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PayloadTooLargeError } from '@edict/core';
import { EdgeCodes } from '@edict/service-kit';
import { decodeOpaLogsBody } from './opa-logs-body.decoder';
import { opaLogsBodyLimitsFromEnv, type OpaLogsBodyLimits } from './opa-logs-body.limits';

/** The route whose body this middleware reads instead of the edge's parsers. */
export const OPA_LOGS_ROUTE = '/opa/logs';

type BodyRequest = IncomingMessage & { body?: unknown };

/**
 * Reads and decodes `POST /opa/logs` itself (decodeOpaLogsBody, its own limits), so that the
 * edge's parsers, which run after it, find the request read (body-parser skips a finished request;
 * the guarded-body step skips a body that is not bytes). Failures go to `next(error)`, which the
 * problem+json filter answers like the edge's own refusals.
 */
export const opaLogsBodyMiddleware =
  (limits: OpaLogsBodyLimits) =>
  (req: BodyRequest, _res: unknown, next: (error?: unknown) => void): void => {
    // Without a token the guard answers 401: no gunzip for a caller that cannot send logs anyway.
    if (req.method !== 'POST' || req.headers.authorization === undefined) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const refuse = (): void => {
      refused = true;
      chunks.length = 0;
      req.resume(); // the rest is read and discarded; the answer goes now
      next(new PayloadTooLargeError(EdgeCodes.tooLarge, `The request body is larger than ${limits.maxCompressedBytes} bytes.`, { limitBytes: limits.maxCompressedBytes }));
    };
    if (Number(req.headers['content-length'] ?? 0) > limits.maxCompressedBytes) return refuse();
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limits.maxCompressedBytes) refuse();
      else chunks.push(chunk);
    });
    req.on('error', (error) => (refused ? undefined : next(error)));
    req.on('end', () => {
      if (refused) return;
      try {
        req.body = decodeOpaLogsBody(Buffer.concat(chunks), req.headers, limits);
        next();
      } catch (error) {
        next(error);
      }
    });
  };

/**
 * Puts opaLogsBodyMiddleware in front of the edge's body parsers. It must be registered on the
 * Express app before `installHttpPipeline` runs, i.e. while Nest creates the providers (here, in
 * the constructor); Nest's own module middleware would run after the edge's parsers.
 */
@Injectable()
export class OpaLogsBodyInstaller {
  constructor(adapterHost: HttpAdapterHost) {
    adapterHost.httpAdapter?.use(OPA_LOGS_ROUTE, opaLogsBodyMiddleware(opaLogsBodyLimitsFromEnv()));
  }
}
