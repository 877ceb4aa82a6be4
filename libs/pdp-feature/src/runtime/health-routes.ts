import type { IncomingMessage, ServerResponse } from 'node:http';
import { UnavailableError } from '@edict/core';
import { readinessRegistry, type CheckStatus, type Logger, type ServiceMetrics } from '@edict/observability';
import { EdgeCodes } from '@edict/service-kit/edge';
import { answerProblem } from '../http/problem-answer';

type PublicChecks = Record<string, { status: CheckStatus; durationMs: number; detail?: string }>;

const json = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
};

/** `GET /healthz`: the process serves HTTP (as service-kit's HealthController). */
export const liveness = (_req: IncomingMessage, res: ServerResponse): void => json(res, 200, { status: 'ok' });

/** `GET /readyz`: 200 with each check's status, or 503 `SERVICE.NOT_READY` naming the failing checks; reasons go to the log only. */
export function readiness(logger: Logger): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const report = await readinessRegistry.run();
    const checks: PublicChecks = {};
    for (const [name, { status, durationMs, detail }] of Object.entries(report.checks)) checks[name] = { status, durationMs, ...(detail ? { detail } : {}) };
    if (report.ready) return json(res, 200, { status: 'ready', checks });
    const failing = Object.keys(report.checks).filter((name) => report.checks[name]?.status !== 'up');
    const errors = Object.fromEntries(failing.map((name) => [name, report.checks[name]?.error]));
    logger.warn({ failing, errors }, 'not ready');
    answerProblem(req, res, new UnavailableError(EdgeCodes.notReady, `Not ready: ${failing.join(', ')}.`, { failing, checks }), logger, { 'cache-control': 'no-store' });
  };
}

/** `GET /metrics`: the Prometheus text exposition of the service's registry. */
export function scrape(metrics: ServiceMetrics): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (_req, res) => {
    const { contentType, body } = await metrics.exposition();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(body);
  };
}
