import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type BundleSubmitted } from '@edict/contracts';
import { ConflictError, type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, RUNTIME_LOGGER } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { validationDecider, verdictOf } from '@edict/validation-domain';
import { submittedDocumentOf } from '../parents/submitted-versions';
import { ValidationSuiteService } from './validation-suite.service';

/**
 * Validates a submitted version: reads the document from authoring's stream (everyone may read),
 * checks it is the digest that was submitted, runs the whole suite and records the verdict with
 * its report. A version already judged is not judged again (a redelivered submission); the
 * decider records at most one verdict per version either way.
 */
@Injectable()
export class ValidateSubmittedBundleHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly suite: ValidationSuiteService,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {}

  async handle(submitted: BundleSubmitted['data']): Promise<void> {
    const { policyId, version, digest } = submitted;
    const streamId = StreamIds.validation(policyId, version);
    const recorded = await this.store.readStream(streamId);
    if ((recorded[0]?.data as { digest?: string } | undefined)?.digest === digest) return;
    this.logger.info({ policyId, version, digest }, 'validation started');
    const content = submittedDocumentOf(await this.store.readStream(StreamIds.bundle(policyId)), version, digest);
    if (!content) throw new ConflictError('VALIDATION.DOCUMENT_NOT_FOUND', `no document with digest ${digest} for ${policyId}@${version}`);
    const report = await this.suite.judge({ expected: { policyId, version }, ...content });
    const { checks, problems, outcome } = verdictOf(report);
    await decideAndAppend(
      this.store,
      streamId,
      validationDecider,
      { type: 'RecordValidation', data: { policyId, version, digest, checks, problems, report, at: this.clock.now().toISOString() } },
      { metadata: eventMetadata('system:validation') },
    );
    this.logger.info({ policyId, version, outcome }, 'validation recorded');
  }
}
