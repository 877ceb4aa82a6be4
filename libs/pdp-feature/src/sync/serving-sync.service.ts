import type { ServingState } from '@edict/contracts';
import { UnavailableError } from '@edict/core';
import { registerReadinessCheck, type Logger } from '@edict/observability';
import { UntrustedServingStateError, type DecisionPoint } from '@edict/pdp';
import type { PdpConfig } from '../pdp.config';
import type { PdpMetrics } from '../pdp.metrics';
import { leanHttp } from './lean-http.client';
import { pollServing } from './serving-poll';
import { serviceToken } from './service-token';

/**
 * Keeps the decision point in step with distribution: a long poll of `GET /v1/serving` (answered
 * the moment anything changes, else 304 after `resyncMs`), and one policy at once when a rollout
 * event names it (push, `edict.rollouts.v1`). After every answer, held versions are checked
 * against the JWKS again. An answer it cannot long-poll on (no ETag, or a policy it refused) is
 * asked again after `resyncMs`; a failure after a second. Ready once the first answer has loaded.
 */
export class ServingSyncService {
  private synced = false;
  private stopped = false;
  private readonly abort = new AbortController();
  /** the ETag of the last answer whose every policy loaded: what the next long poll sends */
  private etag: string | undefined;
  private unregister: (() => void) | undefined;
  private unregisterTrust: (() => void) | undefined;
  /** policies whose last serving state was refused, and what was kept instead */
  private readonly refused = new Map<string, string>();

  constructor(
    private readonly pdp: DecisionPoint,
    private readonly config: PdpConfig,
    private readonly logger: Logger,
    private readonly metrics: PdpMetrics,
    /** told whenever what the PDP holds changed (a load that changed something, a dropped version): the fleet report */
    private readonly onChange: () => void = () => undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unregister = registerReadinessCheck('bundles', () =>
      this.synced ? Promise.resolve() : Promise.reject(new Error('bundles not loaded yet')),
    );
    this.unregisterTrust = registerReadinessCheck('trust', () => this.trustNote());
    await this.start();
  }

  /** The first poll (awaited), then the loop in the background; what bootstrap runs after registering its checks. */
  async start(): Promise<void> {
    const pause = await this.pollOnce();
    void this.pollForever(pause);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.abort.abort();
    this.unregister?.();
    this.unregisterTrust?.();
  }

  /** The long-poll loop: the next request as soon as an answer loaded, else after the pause it asked for. */
  private async pollForever(pause: number): Promise<void> {
    for (let wait = pause; !this.stopped; wait = await this.pollOnce()) {
      if (wait > 0) await this.sleep(wait);
    }
  }

  /** One poll; resolves to how long to wait before the next one (never rejects). */
  private async pollOnce(): Promise<number> {
    const waitSeconds = Math.min(300, Math.max(1, Math.round(this.config.resyncMs / 1000)));
    const started = Date.now();
    try {
      const answer = await pollServing(this.config.distributionUrl, this.etag, waitSeconds, this.abort.signal);
      if (answer.changed) this.etag = (await this.syncAll(answer.states)) ? answer.etag : undefined;
      else await this.checkKeys();
      this.synced = true;
      // a 304 well before the wait (distribution shutting down) must not turn into a busy loop
      const early = !answer.changed && Date.now() - started < (waitSeconds * 1000) / 2;
      return !this.etag ? this.config.resyncMs : early ? Math.min(1000, this.config.resyncMs) : 0;
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: String(error) }, 'bundle sync failed; will retry');
      this.etag = undefined;
      return 1000;
    }
  }

  private sleep(ms: number): Promise<void> {
    const signal = this.abort.signal;
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /**
   * One policy that cannot be loaded (its signature does not verify, say) must not keep the
   * others out: it is logged and skipped, and keeps its previous verified state if it had one.
   * Resolves `false` when any was refused.
   */
  async syncAll(states: ServingState[]): Promise<boolean> {
    let loaded = true;
    for (const state of states) {
      await this.apply(state).catch((error: unknown) => {
        loaded = false;
        this.logger.error({ policyId: state.policyId, revision: state.revision, err: String(error) }, 'policy not loaded');
      });
    }
    await this.checkKeys();
    return loaded;
  }

  /** Every held version is checked against the JWKS again (refetched once older than its TTL): a version whose key was retired is dropped. */
  private async checkKeys(): Promise<void> {
    for (const dropped of await this.pdp.dropUntrusted()) {
      this.onChange();
      this.metrics.untrusted.inc({ policy: dropped.policyId, reason: 'key_retired' });
      this.refused.set(dropped.policyId, `${dropped.slot} ${dropped.version} dropped: key ${dropped.kid} retired`);
      this.logger.warn({ ...dropped }, 'version dropped: its signing key is no longer in the JWKS');
    }
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
        this.onChange();
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
    const response = await leanHttp(`${this.config.distributionUrl}${path}`, { headers: { authorization: `Bearer ${await serviceToken()}` }, timeoutMs: 30_000 });
    if (!response.ok) throw new UnavailableError('PDP.DISTRIBUTION_UNAVAILABLE', `distribution answered ${response.status} for ${path}`);
    return response.json();
  }
}
