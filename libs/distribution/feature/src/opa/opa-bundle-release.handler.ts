import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type BundleSigned, type BundleSignedOpaForm } from '@edict/contracts';
import { ConflictError, NotFoundError } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { loadState, RUNTIME_LOGGER } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { opaBundleFiles, opaBundleInputOf, packSignedOpaBundle, verifyOpaBundle } from '@edict/opa-bundle';
import { keyringDecider } from '@edict/signing-domain';
import { BundleDocuments } from '../handlers/bundle-documents';
import { ReleasesRepository } from '../store/releases.repository';

/** The signed OPA tarball of a released version and its digest (the ETag). */
export interface OpaBundleRelease {
  readonly tarball: Buffer;
  /** `sha256:` of `tarball`: the digest signing recorded (unless a zlib upgrade changed the compressed bytes) */
  readonly digest: string;
}

/**
 * The OPA form of a released version, rebuilt from the stored document and the `.signatures.json`
 * signing recorded on BundleSigned (never stored as bytes), and verified before it is served:
 * signed by a keyring key that is not retired (checked on every request,
 * so a retirement stops serving at once), `verifyOpaBundle` over every file.
 */
@Injectable()
export class OpaBundleReleaseHandler {
  private readonly documents: BundleDocuments;
  /** verified tarballs by recorded digest: content-addressed, so never stale */
  private readonly verified = new Map<string, OpaBundleRelease>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly releases: ReleasesRepository,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {
    this.documents = new BundleDocuments(store);
  }

  async handle(policyId: string, version: string): Promise<OpaBundleRelease> {
    const release = await this.releases.find(policyId, version);
    if (!release) throw new NotFoundError('DISTRIBUTION.RELEASE_NOT_FOUND', `${policyId}@${version} is not a verified release`, { policyId, version });
    const opa = await this.opaFormOf(policyId, version, release.digest);
    const key = (await loadState(this.store, StreamIds.keyring, keyringDecider)).state.keys.find((k) => k.kid === opa.kid);
    if (!key) throw new ConflictError('DISTRIBUTION.UNKNOWN_KEY', `the OPA form of ${policyId}@${version} is signed with ${opa.kid}, which is not in the keyring`, { kid: opa.kid });
    if (key.retiredAt) throw new ConflictError('DISTRIBUTION.KEY_RETIRED', `the OPA form of ${policyId}@${version} is signed with ${opa.kid}, retired at ${key.retiredAt}`, { kid: opa.kid, retiredAt: key.retiredAt });
    const cached = this.verified.get(opa.digest);
    if (cached) return cached;
    const rebuilt = await this.rebuild(policyId, version, release.digest, opa);
    try {
      const checked = await verifyOpaBundle(rebuilt.tarball, key.publicJwk);
      if (checked.kid !== opa.kid || checked.revision !== version) throw new Error(`signed by ${String(checked.kid)} for revision ${checked.revision}`);
    } catch (error) {
      throw new ConflictError('DISTRIBUTION.OPA_SIGNATURE_INVALID', `the OPA form of ${policyId}@${version} does not verify: ${(error as Error).message}`, { kid: opa.kid });
    }
    this.verified.set(opa.digest, rebuilt);
    return rebuilt;
  }

  private async opaFormOf(policyId: string, version: string, digest: string): Promise<BundleSignedOpaForm> {
    const signed = (await this.store.readStream(StreamIds.signature(policyId, version)))
      .filter((event) => event.type === 'BundleSigned')
      .map((event) => event.data as BundleSigned['data'])
      .find((data) => data.digest === digest);
    if (signed?.opa) return signed.opa;
    const why = signed?.opaSkipped ? `: ${signed.opaSkipped.reason}` : ' (it has no spec.rego modules)';
    throw new NotFoundError('DISTRIBUTION.OPA_BUNDLE_NOT_FOUND', `${policyId}@${version} has no OPA form${why}`, { policyId, version, ...(signed?.opaSkipped && { skipped: signed.opaSkipped.code }) });
  }

  private async rebuild(policyId: string, version: string, digest: string, opa: BundleSignedOpaForm): Promise<OpaBundleRelease> {
    const input = opaBundleInputOf(policyId, version, await this.documents.get(policyId, digest));
    if (!input) throw new ConflictError('DISTRIBUTION.OPA_FORM_INVALID', `${policyId}@${version} has an OPA form but its document has no spec.rego modules`);
    const { tarball, digest: rebuilt } = await packSignedOpaBundle(opaBundleFiles(input).files, Buffer.from(opa.signatures, 'utf8'));
    // the files and their signature are what opa checks; only another zlib build compresses them differently
    if (rebuilt !== opa.digest) this.logger.warn({ policyId, version, recorded: opa.digest, rebuilt }, 'the OPA form rebuilt to another tarball digest (a different zlib?); serving it, its signature verifies');
    return { tarball, digest: rebuilt };
  }
}
