import type { ActiveException } from '@edict/contracts';
import { UnavailableError } from '@edict/core';
import type { Logger } from '@edict/observability';
import type { HeldExceptions } from '@edict/pdp';
import type { PdpConfig } from '../pdp.config';
import { leanHttp } from '../sync/lean-http.client';
import { serviceToken } from '../sync/service-token';

/** What authoring's GET /v1/exceptions answers per exception (the fields the PDP needs). */
interface ExceptionAnswer extends ActiveException {
  readonly status: string;
  readonly active: boolean;
}

const toActive = (e: ExceptionAnswer): ActiveException => ({
  exceptionId: e.exceptionId,
  policyId: e.policyId,
  ruleId: e.ruleId,
  resource: e.resource,
  expiresAt: e.expiresAt,
  ...(e.subject !== undefined ? { subject: e.subject } : {}),
  ...(e.agent !== undefined ? { agent: e.agent } : {}),
});

/**
 * Keeps the held exceptions in step with authoring (`EDICT_AUTHORING_URL`): the active ones at
 * start (retried every second until it answers) and every `resyncMs`, one when an event on
 * edict.exceptions.v1 names it. Until the first sync the PDP holds none, so it is stricter, never
 * looser. Expiry needs no sync: HeldExceptions checks it against the clock at every decision.
 */
export class ExceptionSyncService {
  private readonly authoringUrl = (process.env['EDICT_AUTHORING_URL'] ?? 'http://127.0.0.1:4101').replace(/\/$/, '');
  private synced = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly held: HeldExceptions, private readonly config: PdpConfig, private readonly logger: Logger) {}

  onApplicationBootstrap(): void {
    void this.syncAndSchedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  async syncAll(): Promise<void> {
    const { items } = (await this.get('/v1/exceptions?status=active')) as { items: ExceptionAnswer[] };
    this.held.replace(items.filter((e) => this.wanted(e.policyId)).map(toActive));
    this.synced = true;
  }

  /** Refetches one exception: held while approved and before its expiry, dropped otherwise. */
  async syncOne(exceptionId: string): Promise<void> {
    const e = (await this.get(`/v1/exceptions/${encodeURIComponent(exceptionId)}`)) as ExceptionAnswer;
    if (e.active && this.wanted(e.policyId)) this.held.put(toActive(e));
    else this.held.remove(exceptionId);
    this.logger.info({ exceptionId, status: e.status, held: e.active }, 'exception synced');
  }

  private wanted(policyId: string): boolean {
    return !this.config.policies || this.config.policies.has(policyId);
  }

  private async syncAndSchedule(): Promise<void> {
    await this.syncAll().catch((error: unknown) => this.logger.warn({ err: String(error) }, 'exception sync failed; will retry'));
    if (!this.stopped) this.timer = setTimeout(() => void this.syncAndSchedule(), this.synced ? this.config.resyncMs : 1000);
  }

  private async get(path: string): Promise<unknown> {
    const response = await leanHttp(`${this.authoringUrl}${path}`, { headers: { authorization: `Bearer ${await serviceToken()}` }, timeoutMs: 5000 });
    if (!response.ok) throw new UnavailableError('PDP.AUTHORING_UNAVAILABLE', `authoring answered ${response.status} for ${path}`);
    return response.json();
  }
}
