import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type BundleDrafted, type BundleDraftRevised, type BundleSubmitted } from '@edict/contracts';
import { ConflictError, type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata } from '@edict/messaging';
import { checkSubmittedBundle, validationDecider } from '@edict/validation-domain';

/**
 * Validates a submitted version: reads the document from authoring's stream (everyone may read),
 * checks it is the digest that was submitted, runs the checks and records the verdict.
 */
@Injectable()
export class ValidateSubmittedBundleHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  async handle(submitted: BundleSubmitted['data']): Promise<void> {
    const { policyId, version, digest } = submitted;
    const document = await this.documentOf(policyId, version, digest);
    const { checks, problems } = checkSubmittedBundle(document, { policyId, version });
    await decideAndAppend(
      this.store,
      StreamIds.validation(policyId, version),
      validationDecider,
      { type: 'RecordValidation', data: { policyId, version, digest, checks, problems, at: this.clock.now().toISOString() } },
      { metadata: eventMetadata('system:validation') },
    );
  }

  private async documentOf(policyId: string, version: string, digest: string): Promise<unknown> {
    const events = await this.store.readStream(StreamIds.bundle(policyId));
    for (const event of [...events].reverse()) {
      if (event.type !== 'BundleDrafted' && event.type !== 'BundleDraftRevised') continue;
      const data = event.data as (BundleDrafted | BundleDraftRevised)['data'];
      if (data.version === version && data.digest === digest) return data.document;
    }
    throw new ConflictError('VALIDATION.DOCUMENT_NOT_FOUND', `no document with digest ${digest} for ${policyId}@${version}`);
  }
}
