import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UnavailableError } from '@edict/core';
import { ReadinessRegistry } from '@edict/observability';
import type { CheckStatus, Logger } from '@edict/observability';
import { Public } from '../auth/public.decorator';
import { EdgeCodes } from '../problem/problem-codes';
import { LOGGER } from '../service-kit.tokens';

type PublicChecks = Record<string, { status: CheckStatus; durationMs: number; detail?: string }>;

/** `GET /healthz` (liveness: the process serves HTTP) and `GET /readyz` (its dependencies answer). */
@Public()
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('healthz')
  @Header('cache-control', 'no-store')
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 with each check's status, or 503 `SERVICE.NOT_READY` naming the failing checks. */
  @Get('readyz')
  @Header('cache-control', 'no-store')
  async readinessProbe(): Promise<{ status: 'ready'; checks: PublicChecks }> {
    const report = await this.readiness.run();
    // Failure reasons go to the log only: they may name internal hosts, and the probe is public.
    const checks: PublicChecks = {};
    // a passing check's detail is the service's own note (degraded but serving), never an error text
    for (const [name, { status, durationMs, detail }] of Object.entries(report.checks)) checks[name] = { status, durationMs, ...(detail ? { detail } : {}) };
    if (report.ready) return { status: 'ready', checks };
    const failing = Object.keys(report.checks).filter((name) => report.checks[name]?.status !== 'up');
    const errors = Object.fromEntries(failing.map((name) => [name, report.checks[name]?.error]));
    this.logger.warn({ failing, errors }, 'not ready');
    throw new UnavailableError(EdgeCodes.notReady, `Not ready: ${failing.join(', ')}.`, { failing, checks });
  }
}
