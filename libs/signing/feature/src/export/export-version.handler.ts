import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, tierOfPolicyId, type BundleEvent, type BundleSigned } from '@edict/contracts';
import { PayloadTooLargeError, type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK } from '@edict/messaging';
import { canonicalSize, ENVELOPE_MAX_BYTES, EXPORT_DEFAULT_TTL_SECONDS, signExportEnvelope, type ExportEnvelope } from '@edict/signing-domain';
import { ActiveSigner } from '../keys/active-signer';
import { environmentName } from './environment-name';
import { exportBodyOf } from './export-body';

/**
 * Exports an approved and signed version as an envelope signed by the keyring's active key.
 * Nothing is stored: the envelope is the record, and importing it is what leaves a trace.
 */
@Injectable()
export class ExportVersionHandler {
  private readonly environment = environmentName();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly signer: ActiveSigner,
  ) {}

  async handle(policyId: string, version: string, ttlSeconds = EXPORT_DEFAULT_TTL_SECONDS): Promise<ExportEnvelope> {
    tierOfPolicyId(policyId);
    const bundleEvents = (await this.store.readStream(StreamIds.bundle(policyId))).map((e) => ({ type: e.type, data: e.data }) as BundleEvent);
    const [signedEvent] = await this.store.readStream(StreamIds.signature(policyId, version));
    const signed = signedEvent?.type === 'BundleSigned' ? (signedEvent.data as BundleSigned['data']) : undefined;
    const body = exportBodyOf({ policyId, version, bundleEvents, signed, environment: this.environment, now: this.clock.now(), ttlSeconds });
    const envelope = await signExportEnvelope(body, await this.signer.current());
    const size = canonicalSize(envelope);
    if (size > ENVELOPE_MAX_BYTES) {
      throw new PayloadTooLargeError('EXPORT.TOO_LARGE', `the envelope would be ${size} bytes; another environment accepts at most ${ENVELOPE_MAX_BYTES}`, { limitBytes: ENVELOPE_MAX_BYTES, sizeBytes: size });
    }
    return envelope;
  }
}
