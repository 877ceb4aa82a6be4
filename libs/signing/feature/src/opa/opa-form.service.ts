import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type BundleDrafted, type BundleDraftRevised } from '@edict/contracts';
import { ConflictError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { RUNTIME_LOGGER } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { opaBundleInputOf } from '@edict/opa-bundle';
import type { SigningKey } from '../keys/private-jwk';
import { opaFormOf, type OpaFormFields } from './opa-form';

/** The OPA form of an approved version, from its document in authoring's stream (everyone may read). */
@Injectable()
export class OpaFormService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(RUNTIME_LOGGER) private readonly logger: Logger) {}

  /** `{}` for a version without Rego modules; `{ opa }` or `{ opaSkipped }` otherwise. */
  async of(policyId: string, version: string, digest: string, key: SigningKey): Promise<OpaFormFields> {
    const input = opaBundleInputOf(policyId, version, await this.document(policyId, digest));
    if (!input) return {};
    const form = await opaFormOf(input, key);
    if (form.opaSkipped) this.logger.warn({ policyId, version, kid: key.kid, code: form.opaSkipped.code }, `no OPA form for ${policyId}@${version}: ${form.opaSkipped.reason}`);
    else this.logger.info({ policyId, version, kid: key.kid, opaDigest: form.opa?.digest }, 'OPA form signed');
    return form;
  }

  private async document(policyId: string, digest: string): Promise<unknown> {
    for (const event of await this.store.readStream(StreamIds.bundle(policyId))) {
      if (event.type !== 'BundleDrafted' && event.type !== 'BundleDraftRevised') continue;
      const data = event.data as (BundleDrafted | BundleDraftRevised)['data'];
      if (data.digest === digest) return data.document;
    }
    // requireApproved found this digest approved, so its draft is in the stream
    throw new ConflictError('SIGNING.DOCUMENT_NOT_FOUND', `no document ${digest} in the bundle stream of ${policyId}`, { policyId, digest });
  }
}
