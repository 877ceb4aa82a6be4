import { Inject, Injectable } from '@nestjs/common';
import { bundleImportDecider, retirementOf, type Actor } from '@edict/authoring-domain';
import { StreamIds, tierOfPolicyId, type ImportProvenance } from '@edict/contracts';
import type { Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata } from '@edict/messaging';
import { verifyExportEnvelope, type TrustedKeyLookup } from '@edict/signing-domain';
import type { ImportBundleDto } from './import-bundle.dto';
import { importedDraftOf } from './imported-draft';
import { TRUSTED_KEYS } from './trusted-keys.provider';

export interface ImportAnswer {
  readonly policyId: string;
  readonly version: string;
  readonly digest: string;
  readonly status: 'draft';
  readonly importedFrom: ImportProvenance;
}

/**
 * Imports a version another environment exported: the envelope is verified against the trusted
 * keys (nothing is stored when it is refused), then drafted here with its provenance; from there
 * it is submitted, validated and approved in this environment like any draft.
 */
@Injectable()
export class ImportBundleHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TRUSTED_KEYS) private readonly keys: TrustedKeyLookup,
  ) {}

  async handle(input: ImportBundleDto, by: Actor): Promise<ImportAnswer> {
    const now = this.clock.now();
    const envelope = await verifyExportEnvelope(input.envelope, this.keys, now);
    const { policyId, version, document, digest, importedFrom } = importedDraftOf(envelope, input.asVersion);
    const tier = tierOfPolicyId(policyId);
    const retirement = retirementOf(await this.store.readStream(StreamIds.rollout(policyId)));
    await decideAndAppend(
      this.store,
      StreamIds.bundle(policyId),
      bundleImportDecider,
      { type: 'ImportBundle', data: { policyId, tier, version, document, digest, by, at: now.toISOString(), importedFrom, ...(retirement ? { retirement } : {}) } },
      { metadata: eventMetadata(by.subject) },
    );
    return { policyId, version, digest, status: 'draft', importedFrom };
  }
}
