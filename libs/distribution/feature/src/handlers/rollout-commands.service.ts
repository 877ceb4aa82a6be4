import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type KillSwitchMode } from '@edict/contracts';
import { ConflictError, type Clock } from '@edict/core';
import { requirePlausibleTotals, rolloutDecider, type GateReport, type RolloutCommand, type WindowTotals } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import { metricsFor } from '@edict/observability';
import { keyringDecider, trustedKey } from '@edict/signing-domain';
import type { Principal } from '@edict/service-kit';
import { ReleasesRepository } from '../store/releases.repository';
import { BundleDocuments } from './bundle-documents';
import type { RolloutViewDto } from '../http/rollout-view.dto';
import { CanaryGate } from './canary-gate';
import { decideAtRevision } from './decide-at-revision';
import { rolloutView } from './rollout-view';
import { scheduleOf } from './rollout-schedule';
import { ServingProjection } from './serving-projection';

/** `ifMatch`: the revision the operator last saw (`If-Match`); without it, commands run on the latest state. */
export interface RolloutCommandOptions {
  readonly ifMatch?: number;
}

/** Distribution's use cases on the `rollout-<policyId>` stream. */
@Injectable()
export class RolloutCommandsService {
  private readonly rollbacks = metricsFor('distribution').counter({ what: 'rollbacks', unit: 'total', help: 'versions rolled back, by policy and whether automatic', labelNames: ['policy', 'automatic'] });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly releases: ReleasesRepository,
    private readonly gates: CanaryGate,
    private readonly serving: ServingProjection,
  ) {}

  async start(policyId: string, version: string, who: Principal, options: RolloutCommandOptions = {}): Promise<RolloutViewDto> {
    const release = await this.requireRelease(policyId, version);
    // the bundle's own steps, soak and auto-promotion, read from the document the signature covers
    const schedule = scheduleOf(await new BundleDocuments(this.store).get(policyId, release.digest));
    const data = { policyId, version, digest: release.digest, signatureVerified: true, ...(schedule ? { schedule } : {}), by: who.subject, at: this.now() };
    return this.run(policyId, who.subject, { type: 'StartRollout', data }, options);
  }

  /** A version with a verified signature in releases, under a keyring key that is not retired. */
  private async requireRelease(policyId: string, version: string): Promise<{ readonly digest: string }> {
    const release = await this.releases.find(policyId, version);
    if (!release) throw new ConflictError('ROLLOUT.NOT_RELEASABLE', `${policyId}@${version} has no verified signature yet (signed and approved versions only)`, {}, true);
    const { state: keyring } = await loadState(this.store, StreamIds.keyring, keyringDecider);
    if (!trustedKey(keyring, release.kid)) throw new ConflictError('ROLLOUT.KEY_RETIRED', `${policyId}@${version} is signed with ${release.kid}, which is retired`, { kid: release.kid });
    return release;
  }

  async promote(policyId: string, who: Principal, overrideReason?: string, options: RolloutCommandOptions = {}): Promise<RolloutViewDto> {
    const { state } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
    const { passed, reasons } = await this.gates.current(policyId, state);
    const gate = { passed, reasons };
    const override = overrideReason === undefined ? {} : { override: { reason: overrideReason, by: who.subject, roles: who.roles } };
    return this.run(policyId, who.subject, { type: 'PromoteRollout', data: { by: who.subject, at: this.now(), gate, ...override } }, options);
  }

  async rollback(policyId: string, who: Principal, reason: string, createIncident = false, options: RolloutCommandOptions & { readonly toVersion?: string } = {}): Promise<RolloutViewDto> {
    const { toVersion } = options;
    if (toVersion !== undefined) await this.requireRelease(policyId, toVersion);
    const named = toVersion !== undefined ? { toVersion } : {};
    return this.run(policyId, who.subject, { type: 'RollBack', data: { reason, by: who.subject, at: this.now(), automatic: false, ...named, ...(createIncident ? { createIncident } : {}) } }, options);
  }

  /** An incident's rollback request: idempotent, because it names the version to take out. */
  rollbackForIncident(policyId: string, version: string, incidentId: string, reason: string): Promise<RolloutViewDto> {
    return this.run(policyId, 'system:incident-response', { type: 'RollBack', data: { version, reason, incidentId, by: 'system:incident-response', at: this.now(), automatic: true } });
  }

  pause(policyId: string, who: Principal, reason: string, options: RolloutCommandOptions = {}): Promise<RolloutViewDto> {
    return this.run(policyId, who.subject, { type: 'PauseRollout', data: { reason, by: who.subject, at: this.now() } }, options);
  }

  resume(policyId: string, who: Principal, options: RolloutCommandOptions = {}): Promise<RolloutViewDto> {
    return this.run(policyId, who.subject, { type: 'ResumeRollout', data: { by: who.subject, at: this.now() } }, options);
  }

  pin(policyId: string, version: string, who: Principal, reason: string, options: RolloutCommandOptions = {}): Promise<RolloutViewDto> {
    return this.run(policyId, who.subject, { type: 'PinVersion', data: { version, reason, by: who.subject, at: this.now() } }, options);
  }

  unpin(policyId: string, who: Principal, options: RolloutCommandOptions = {}): Promise<RolloutViewDto> {
    return this.run(policyId, who.subject, { type: 'UnpinVersion', data: { by: who.subject, at: this.now() } }, options);
  }

  disable(policyId: string, who: Principal, mode: KillSwitchMode, reason: string, options: RolloutCommandOptions = {}): Promise<RolloutViewDto> {
    return this.run(policyId, who.subject, { type: 'DisablePolicy', data: { mode, reason, by: who.subject, roles: who.roles, at: this.now() } }, options);
  }

  enable(policyId: string, who: Principal, reason: string, options: RolloutCommandOptions = {}): Promise<RolloutViewDto> {
    return this.run(policyId, who.subject, { type: 'EnablePolicy', data: { reason, by: who.subject, roles: who.roles, at: this.now() } }, options);
  }

  async status(policyId: string): Promise<RolloutViewDto> {
    const { state, revision } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
    return { ...rolloutView(policyId, state, revision), gate: state.status === 'tracked' && state.canary ? await this.gates.current(policyId, state) : null };
  }

  /** The gates on supplied metrics (runbook troubleshooting): nothing is read from the windows, nothing changes. */
  async checkGates(policyId: string, canary: WindowTotals, stable?: WindowTotals): Promise<GateReport> {
    requirePlausibleTotals(canary, 'canary');
    if (stable) requirePlausibleTotals(stable, 'stable');
    const { state } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
    return this.gates.supplied(state, canary, stable);
  }

  private async run(policyId: string, actor: string, command: RolloutCommand, options: RolloutCommandOptions = {}): Promise<RolloutViewDto> {
    const streamId = StreamIds.rollout(policyId);
    const metadata = eventMetadata(actor);
    const appended = options.ifMatch === undefined
      ? await decideAndAppend(this.store, streamId, rolloutDecider, command, { metadata })
      : await decideAtRevision(this.store, streamId, command, options.ifMatch, metadata);
    for (const event of appended.filter((e) => e.type === 'BundleRolledBack')) {
      this.rollbacks.inc({ policy: policyId, automatic: String((event.data as { automatic: boolean }).automatic) });
    }
    const { state, revision } = await loadState(this.store, streamId, rolloutDecider);
    // read-your-writes: once the command answers, GET /v1/serving shows what it changed
    if (appended.length > 0) await this.serving.caughtUp(policyId, revision);
    return rolloutView(policyId, state, revision);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
