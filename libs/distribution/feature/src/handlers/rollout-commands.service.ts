import { Inject, Injectable } from '@nestjs/common';
import { StreamIds, type KillSwitchMode } from '@edict/contracts';
import { ConflictError, type Clock } from '@edict/core';
import { evaluateGate, rolloutDecider, type GateVerdict, type RolloutCommand, type RolloutState } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { CLOCK, decideAndAppend, eventMetadata, loadState } from '@edict/messaging';
import { metricsFor } from '@edict/observability';
import { keyringDecider, trustedKey } from '@edict/signing-domain';
import type { Principal } from '@edict/service-kit';
import { DecisionWindowsRepository } from '../store/decision-windows.repository';
import { ReleasesRepository } from '../store/releases.repository';
import { gateThresholdsFromEnv } from './gate-config';
import { rolloutView } from './rollout-view';

/** Distribution's use cases on the `rollout-<policyId>` stream. */
@Injectable()
export class RolloutCommandsService {
  private readonly thresholds = gateThresholdsFromEnv();
  private readonly rollbacks = metricsFor('distribution').counter({ what: 'rollbacks', unit: 'total', help: 'versions rolled back, by policy and whether automatic', labelNames: ['policy', 'automatic'] });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly releases: ReleasesRepository,
    private readonly windows: DecisionWindowsRepository,
  ) {}

  async start(policyId: string, version: string, who: Principal): Promise<Record<string, unknown>> {
    const release = await this.releases.find(policyId, version);
    if (!release) throw new ConflictError('ROLLOUT.NOT_RELEASABLE', `${policyId}@${version} has no verified signature yet (signed and approved versions only)`, {}, true);
    const { state: keyring } = await loadState(this.store, StreamIds.keyring, keyringDecider);
    if (!trustedKey(keyring, release.kid)) throw new ConflictError('ROLLOUT.KEY_RETIRED', `${policyId}@${version} is signed with ${release.kid}, which is retired`, { kid: release.kid });
    return this.run(policyId, who.subject, { type: 'StartRollout', data: { policyId, version, digest: release.digest, signatureVerified: true, by: who.subject, at: this.now() } });
  }

  async promote(policyId: string, who: Principal, overrideReason?: string): Promise<Record<string, unknown>> {
    const gate = await this.gate(policyId);
    const override = overrideReason === undefined ? {} : { override: { reason: overrideReason, by: who.subject, roles: who.roles } };
    return this.run(policyId, who.subject, { type: 'PromoteRollout', data: { by: who.subject, at: this.now(), gate, ...override } });
  }

  rollback(policyId: string, who: Principal, reason: string, createIncident = false): Promise<Record<string, unknown>> {
    return this.run(policyId, who.subject, { type: 'RollBack', data: { reason, by: who.subject, at: this.now(), automatic: false, ...(createIncident ? { createIncident } : {}) } });
  }

  /** An incident's rollback request: idempotent, because it names the version to take out. */
  rollbackForIncident(policyId: string, version: string, incidentId: string, reason: string): Promise<Record<string, unknown>> {
    return this.run(policyId, 'system:incident-response', { type: 'RollBack', data: { version, reason, incidentId, by: 'system:incident-response', at: this.now(), automatic: true } });
  }

  pause(policyId: string, who: Principal, reason: string): Promise<Record<string, unknown>> {
    return this.run(policyId, who.subject, { type: 'PauseRollout', data: { reason, by: who.subject, at: this.now() } });
  }

  resume(policyId: string, who: Principal): Promise<Record<string, unknown>> {
    return this.run(policyId, who.subject, { type: 'ResumeRollout', data: { by: who.subject, at: this.now() } });
  }

  pin(policyId: string, version: string, who: Principal, reason: string): Promise<Record<string, unknown>> {
    return this.run(policyId, who.subject, { type: 'PinVersion', data: { version, reason, by: who.subject, at: this.now() } });
  }

  unpin(policyId: string, who: Principal): Promise<Record<string, unknown>> {
    return this.run(policyId, who.subject, { type: 'UnpinVersion', data: { by: who.subject, at: this.now() } });
  }

  disable(policyId: string, who: Principal, mode: KillSwitchMode, reason: string): Promise<Record<string, unknown>> {
    return this.run(policyId, who.subject, { type: 'DisablePolicy', data: { mode, reason, by: who.subject, roles: who.roles, at: this.now() } });
  }

  enable(policyId: string, who: Principal, reason: string): Promise<Record<string, unknown>> {
    return this.run(policyId, who.subject, { type: 'EnablePolicy', data: { reason, by: who.subject, roles: who.roles, at: this.now() } });
  }

  async status(policyId: string): Promise<Record<string, unknown>> {
    const { state } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
    return { ...rolloutView(policyId, state), gate: state.status === 'tracked' && state.canary ? await this.gate(policyId, state) : null };
  }

  /** The current canary step's gate, from the decision windows since the step began. */
  private async gate(policyId: string, known?: RolloutState): Promise<GateVerdict> {
    const state = known ?? (await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider)).state;
    if (state.status !== 'tracked' || !state.canary) return { passed: false, reasons: ['no canary in progress'] };
    const since = state.canary.stepStartedAt;
    const canary = await this.windows.totals(policyId, state.canary.version, true, since);
    const stable = state.stable ? await this.windows.totals(policyId, state.stable.version, false, since) : undefined;
    return evaluateGate({ canary, ...(stable ? { stable } : {}) }, this.thresholds, since, this.now());
  }

  private async run(policyId: string, actor: string, command: RolloutCommand): Promise<Record<string, unknown>> {
    const appended = await decideAndAppend(this.store, StreamIds.rollout(policyId), rolloutDecider, command, { metadata: eventMetadata(actor) });
    for (const event of appended.filter((e) => e.type === 'BundleRolledBack')) {
      this.rollbacks.inc({ policy: policyId, automatic: String((event.data as { automatic: boolean }).automatic) });
    }
    const { state } = await loadState(this.store, StreamIds.rollout(policyId), rolloutDecider);
    return rolloutView(policyId, state);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
