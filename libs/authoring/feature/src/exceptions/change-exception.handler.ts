import { Inject, Injectable } from '@nestjs/common';
import { exceptionDecider, type Actor } from '@edict/authoring-domain';
import { StreamIds } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata } from '@edict/messaging';
import { exceptionView, type ExceptionView } from './exception-view';
import { ExceptionsReader } from './exceptions.reader';

/** Approve (one of the tier's approvers, never the requester) and revoke: one command each on `exception-<id>`. */
@Injectable()
export class ChangeExceptionHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock, private readonly reader: ExceptionsReader) {}

  async approve(exceptionId: string, by: Actor): Promise<ExceptionView> {
    await this.reader.one(exceptionId);
    const at = this.clock.now().toISOString();
    await decideAndAppend(this.store, StreamIds.exception(exceptionId), exceptionDecider, { type: 'ApproveException', data: { by, at } }, { metadata: eventMetadata(by.subject) });
    return exceptionView(await this.reader.one(exceptionId), this.clock.now());
  }

  async revoke(exceptionId: string, reason: string, by: Actor): Promise<ExceptionView> {
    await this.reader.one(exceptionId);
    const at = this.clock.now().toISOString();
    await decideAndAppend(this.store, StreamIds.exception(exceptionId), exceptionDecider, { type: 'RevokeException', data: { by, reason, at } }, { metadata: eventMetadata(by.subject) });
    return exceptionView(await this.reader.one(exceptionId), this.clock.now());
  }
}
