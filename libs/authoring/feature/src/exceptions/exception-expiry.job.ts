import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { dueForExpiry, exceptionDecider } from '@edict/authoring-domain';
import { StreamIds } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, RUNTIME_LOGGER } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { EXCEPTIONS_CONFIG, type ExceptionsConfig } from './exceptions.config';
import { ExceptionsReader } from './exceptions.reader';

/**
 * Appends ExceptionExpired for every exception whose expiry has come, every `expiryScanMs`. Several
 * authoring instances may run it: the decider records an expiry once, and a racing append is
 * re-decided on fresh state (nothing to do). Decision points do not wait for it: they check the
 * expiry against their own clock.
 */
@Injectable()
export class ExceptionExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EXCEPTIONS_CONFIG) private readonly config: ExceptionsConfig,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
    private readonly reader: ExceptionsReader,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One pass: the ids it recorded as expired. */
  async runOnce(): Promise<string[]> {
    const now = this.clock.now();
    const due = dueForExpiry(await this.reader.all(), now);
    for (const exceptionId of due) {
      await decideAndAppend(this.store, StreamIds.exception(exceptionId), exceptionDecider, { type: 'ExpireException', data: { at: now.toISOString() } }, { metadata: eventMetadata('system:exception-expiry') });
      this.logger.info({ exceptionId }, 'exception expired');
    }
    return due;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: unknown) => this.logger.warn({ err: String(error) }, 'exception expiry pass failed; will retry'))
        .finally(() => this.schedule());
    }, this.config.expiryScanMs);
  }
}
