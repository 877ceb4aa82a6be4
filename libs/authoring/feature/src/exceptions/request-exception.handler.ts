import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { checkExceptionRequest, exceptionDecider, exceptionSequenceDecider, type Actor, type RequestException } from '@edict/authoring-domain';
import { formatExceptionId, StreamIds, tierOfPolicyId } from '@edict/contracts';
import { UnprocessableError, type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import { documentOf, foldLine } from '../handlers/bundle-views';
import type { RequestExceptionDto } from './exception.dto';
import { exceptionView, type ExceptionView } from './exception-view';
import { EXCEPTIONS_CONFIG, type ExceptionsConfig } from './exceptions.config';
import { ExceptionsReader } from './exceptions.reader';

const hasRule = (document: unknown, ruleId: string): boolean => {
  const rules = (document as { spec?: { rules?: { id?: unknown }[] } } | undefined)?.spec?.rules;
  return Array.isArray(rules) && rules.some((r) => r.id === ruleId);
};

/**
 * `POST /v1/exceptions`: checks the request (fields, expiry within the tier's maximum, a rule some
 * version of the policy has) before it takes a number, so a refused request leaves no gap; then
 * reserves the next `EXC-NNN` and appends ExceptionRequested to `exception-<id>`.
 */
@Injectable()
export class RequestExceptionHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EXCEPTIONS_CONFIG) private readonly config: ExceptionsConfig,
    private readonly reader: ExceptionsReader,
  ) {}

  async request(input: RequestExceptionDto, by: Actor): Promise<ExceptionView> {
    const at = this.clock.now().toISOString();
    const data: RequestException['data'] = { ...input, exceptionId: 'EXC-000', maxDays: this.config.maxDays[tierOfPolicyId(input.policyId)], by, at };
    checkExceptionRequest(data);
    await this.requireRule(input.policyId, input.ruleId);
    const key = randomUUID();
    const sequence = StreamIds.exceptionSequence;
    await decideAndAppend(this.store, sequence, exceptionSequenceDecider, { type: 'ReserveExceptionNumber', data: { key } }, { metadata: eventMetadata(by.subject), maxAttempts: 20 });
    const number = (await loadState(this.store, sequence, exceptionSequenceDecider)).state.numbers[key];
    if (number === undefined) throw new Error(`exception number for ${key} not found after reserving it`);
    const exceptionId = formatExceptionId(number);
    await decideAndAppend(this.store, StreamIds.exception(exceptionId), exceptionDecider, { type: 'RequestException', data: { ...data, exceptionId } }, { metadata: eventMetadata(by.subject) });
    return exceptionView(await this.reader.one(exceptionId), this.clock.now());
  }

  private async requireRule(policyId: string, ruleId: string): Promise<void> {
    const events = await this.store.readStream(StreamIds.bundle(policyId));
    const line = foldLine(events);
    const versions = line.kind === 'active' ? Object.keys(line.versions) : [];
    if (!versions.some((v) => hasRule(documentOf(events, v), ruleId))) {
      throw new UnprocessableError('EXCEPTION.RULE_NOT_FOUND', `no version of ${policyId} has a rule '${ruleId}'`, { policyId, ruleId });
    }
  }
}
