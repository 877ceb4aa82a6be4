import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ServingState } from '@edict/contracts';
import { UnavailableError } from '@edict/core';
import { registerReadinessCheck, type Logger } from '@edict/observability';
import { DecisionPoint, UntrustedServingStateError } from '@edict/pdp';
import { PDP_CONFIG, PDP_LOGGER, type PdpConfig } from '../pdp.config';
import { PdpMetrics } from '../pdp.metrics';
import { serviceToken } from './service-token';

/**
 * Keeps the decision point in step with distribution: everything at start, one policy when a
 * rollout event names it, and everything again every `resyncMs` as a safety net for missed events.
 * The PDP is ready once the first full sync has loaded.
 */
@Injectable()
export class ServingSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private synced = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private unregister: (() => void) | undefined;
  private unregisterTrust: (() => void) | undefined;
  /** policies whose last serving state was refused, and what was kept instead */
  private readonly refused = new Map<string, string>();

  constructor(
    private readonly pdp: DecisionPoint,
    @Inject(PDP_CONFIG) private readonly config: PdpConfig,
    @Inject(PDP_LOGGER) private readonly logger: Logger,
    private readonly metrics: PdpMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unregister = registerReadinessCheck('bundles', () =>
      this.synced ? Promise.resolve() : Promise.reject(new Error('bundles not loaded yet')),
    );
    this.unregisterTrust = registerReadinessCheck('trust', () => this.trustNote());
    await this.syncAndSchedule();
  }

  /** Until the first full sync succeeds (distribution may start after us) retry every second. */
  private async syncAndSchedule(): Promise<void> {
    await this.syncAll().catch((error: unknown) => this.logger.warn({ err: String(error) }, 'bundle sync failed; will retry'));
    if (!this.stopped) this.timer = setTimeout(() => void this.syncAndSchedule(), this.synced ? this.config.resyncMs : 1000);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unregister?.();
    this.unregisterTrust?.();
  }

  /**
   * One policy that cannot be loaded (its signature does not verify, say) must not keep the
   * others out: it is logged and skipped, and keeps its previous verified state if it had one.
   * Then every held version is checked against the JWKS again (refetched once older than its
   * TTL): a version whose key was retired is dropped.
   */
  async syncAll(): Promise<void> {
    const states = (await this.get('/v1/serving')) as ServingState[];
    for (const state of states) {
      await this.apply(state).catch((error: unknown) => this.logger.error({ policyId: state.policyId, revision: state.revision, err: String(error) }, 'policy not loaded'));
    }
    for (const dropped of await this.pdp.dropUntrusted()) {
      this.metrics.untrusted.inc({ policy: dropped.policyId, reason: 'key_retired' });
      this.refused.set(dropped.policyId, `${dropped.slot} ${dropped.version} dropped: key ${dropped.kid} retired`);
      this.logger.warn({ ...dropped }, 'version dropped: its signing key is no longer in the JWKS');
    }
    this.synced = true;
  }

  async syncOne(policyId: string): Promise<void> {
    await this.apply((await this.get(`/v1/serving/${encodeURIComponent(policyId)}`)) as ServingState);
  }

  /**
   * Loads one policy's state. A state the decision point refuses (untrusted manifest or bundle,
   * a replayed revision) is counted by reason and noted for `/readyz`; the last verified state stays.
   */
  private async apply(state: ServingState): Promise<void> {
    if (this.config.policies && !this.config.policies.has(state.policyId)) return;
    try {
      if (await this.pdp.load(state)) {
        this.refused.delete(state.policyId);
        this.logger.info({ policyId: state.policyId, revision: state.revision, stable: state.stable?.version, canary: state.canary?.version }, 'bundles loaded');
      }
    } catch (error) {
      if (error instanceof UntrustedServingStateError) {
        this.metrics.untrusted.inc({ policy: state.policyId, reason: error.reason });
        const kept = this.pdp.loaded().find((p) => p.policyId === state.policyId)?.revision;
        this.refused.set(state.policyId, `refused a serving state (${error.reason}); ${kept === undefined ? 'nothing verified to keep' : `kept revision ${kept}`}`);
      }
      throw error;
    }
  }

  /** The `trust` readiness check: ready, noting each policy whose last state was refused. */
  private trustNote(): Promise<string | undefined> {
    const notes = [...this.refused].map(([policyId, note]) => `${policyId}: ${note}`);
    return Promise.resolve(notes.length > 0 ? notes.join('; ') : undefined);
  }

  private async get(path: string): Promise<unknown> {
    const response = await fetch(`${this.config.distributionUrl}${path}`, { headers: { authorization: `Bearer ${await serviceToken()}` } });
    if (!response.ok) throw new UnavailableError('PDP.DISTRIBUTION_UNAVAILABLE', `distribution answered ${response.status} for ${path}`);
    return response.json();
  }
}
