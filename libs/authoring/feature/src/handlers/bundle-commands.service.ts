import { Inject, Injectable } from '@nestjs/common';
import { bundleLineDecider, retirementOf, type Actor, type BundleCommand } from '@edict/authoring-domain';
import { StreamIds, tierOfPolicyId, MAX_KEPT_SOURCE_BYTES } from '@edict/contracts';
import { canonicalDigest, NotFoundError, ValidationError, type Clock } from '@edict/core';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import { validationDecider, validationOutcome } from '@edict/validation-domain';
import type { BundleDocumentDto } from '../http/bundle-document.dto';
import type { BundleLineDto, VersionSummaryDto, VersionViewDto } from '../http/bundle-version.response';
import type { DraftAnswerDto } from '../http/draft-answer.response';
import { bundleLineView, versionView } from './bundle-views';
import { checkBundleDocument } from './check-bundle-document';
import { readBundleInput } from './read-bundle-input';

/** Authoring's use cases: each decides against the `bundle-<policyId>` stream and appends. */
/** The source text to keep with the event: drafted as text, and small enough (MAX_KEPT_SOURCE_BYTES). */
const keptSource = (input: BundleDocumentDto): { source?: string } =>
  input.source !== undefined && Buffer.byteLength(input.source) <= MAX_KEPT_SOURCE_BYTES ? { source: input.source } : {};

@Injectable()
export class BundleCommandsService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  async draft(input: BundleDocumentDto, by: Actor): Promise<DraftAnswerDto> {
    const { policyId, version, document } = readBundleInput(input);
    const tier = tierOfPolicyId(policyId);
    const findings = checkBundleDocument(input, document);
    const digest = canonicalDigest(document);
    const retirement = retirementOf(await this.store.readStream(StreamIds.rollout(policyId)));
    await this.run(policyId, { type: 'DraftBundle', data: { policyId, tier, version, document, digest, ...keptSource(input), by, at: this.now(), ...(retirement ? { retirement } : {}) } }, by);
    return { policyId, version, digest, status: 'draft', findings };
  }

  async revise(policyId: string, version: string, input: BundleDocumentDto, by: Actor): Promise<DraftAnswerDto> {
    const parsed = readBundleInput(input);
    if (parsed.policyId !== policyId || parsed.version !== version) {
      throw new ValidationError('BUNDLE.IDENTITY_MISMATCH', `the document is ${parsed.policyId}@${parsed.version}, not ${policyId}@${version}`);
    }
    const findings = checkBundleDocument(input, parsed.document);
    const digest = canonicalDigest(parsed.document);
    await this.run(policyId, { type: 'ReviseDraft', data: { version, document: parsed.document, digest, ...keptSource(input), by, at: this.now() } }, by);
    return { policyId, version, digest, status: 'draft', findings };
  }

  async submit(policyId: string, version: string, by: Actor): Promise<VersionSummaryDto> {
    await this.run(policyId, { type: 'SubmitBundle', data: { version, by, at: this.now() } }, by);
    return this.summary(policyId, version);
  }

  /** Approval needs validation's verdict on this exact digest, read from validation's own stream. */
  async approve(policyId: string, version: string, by: Actor, comment?: string, emergency?: { reason: string }): Promise<VersionSummaryDto> {
    const { state } = await loadState(this.store, StreamIds.bundle(policyId), bundleLineDecider);
    const digest = state.kind === 'active' ? state.versions[version]?.digest : undefined;
    const verdict = await loadState(this.store, StreamIds.validation(policyId, version), validationDecider);
    const validation = digest ? validationOutcome(verdict.state, digest) : 'pending';
    await this.run(policyId, { type: 'ApproveBundle', data: { version, by, validation, at: this.now(), ...(comment ? { comment } : {}), ...(emergency ? { emergency } : {}) } }, by);
    return this.summary(policyId, version);
  }

  /** Closes the follow-up review an emergency approval left open. */
  async confirmEmergency(policyId: string, version: string, by: Actor, comment?: string): Promise<VersionSummaryDto> {
    await this.run(policyId, { type: 'ConfirmEmergencyApproval', data: { version, by, at: this.now(), ...(comment ? { comment } : {}) } }, by);
    return this.summary(policyId, version);
  }

  async line(policyId: string): Promise<BundleLineDto> {
    const { state } = await loadState(this.store, StreamIds.bundle(policyId), bundleLineDecider);
    if (state.kind === 'empty') throw new NotFoundError('BUNDLE.POLICY_NOT_FOUND', `no bundles for ${policyId}`);
    return bundleLineView(state);
  }

  async version(policyId: string, version: string): Promise<VersionViewDto> {
    const events = await this.store.readStream(StreamIds.bundle(policyId));
    const view = versionView(events, version);
    if (!view) throw new NotFoundError('BUNDLE.VERSION_NOT_FOUND', `${policyId} has no version ${version}`);
    return view;
  }

  /** A version without its document: what command answers return. */
  private async summary(policyId: string, version: string): Promise<VersionSummaryDto> {
    const { document: _document, ...rest } = await this.version(policyId, version);
    return rest;
  }

  private async run(policyId: string, command: BundleCommand, by: Actor): Promise<void> {
    await decideAndAppend(this.store, StreamIds.bundle(policyId), bundleLineDecider, command, { metadata: eventMetadata(by.subject) });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
