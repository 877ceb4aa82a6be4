import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { RolloutEvent } from '@edict/contracts';
import { rolloutDecider, type RolloutState } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore, type StoredEvent, type Subscription } from '@edict/event-store';
import { createLogger } from '@edict/observability';
import { RolloutChanges } from '../opa/rollout-changes';
import { documentOf, ServingDocuments, type ServingDocument } from './serving-documents';
import { ServingStateService } from './serving-state.service';

const STREAM_PREFIX = 'rollout-';
const PAGE = 1000;

/**
 * The serving state as a projection of the `rollout` category: folded from the store at start,
 * then from the store's subscription (a NOTIFY wakes it on every append, by this replica or
 * another). Each change rebuilds that one policy's document once; requests only read
 * `documents`. A rollout event also wakes the OPA bundle long polls of its policy.
 */
@Injectable()
export class ServingProjection implements OnApplicationBootstrap, OnModuleDestroy {
  readonly documents = new ServingDocuments();
  private readonly logger = createLogger('distribution');
  private readonly rollouts = new Map<string, { state: RolloutState; revision: number }>();
  private readonly dirty = new Set<string>();
  private started: Promise<void> | undefined;
  private flushing: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  private retry: NodeJS.Timeout | undefined;
  private resubscribe: NodeJS.Timeout | undefined;
  private stopped = false;
  /** the position of the last rollout event folded: where a new subscription resumes */
  private position = 0;
  /** policies whose latest state could not be built (a release row missing, the store down), and why */
  private readonly failures = new Map<string, unknown>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly builder: ServingStateService,
    private readonly changes: RolloutChanges,
  ) {}

  onApplicationBootstrap(): void {
    void this.ready().catch((error: unknown) => this.logger.warn({ err: String(error) }, 'serving projection not built yet; retried on the next request'));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearTimeout(this.resubscribe);
    this.documents.close();
    await this.subscription?.stop();
  }

  /** Resolves once every rollout stream has been folded and built (retried after a failure). */
  ready(): Promise<void> {
    this.started ??= this.start().catch((error: unknown) => {
      this.started = undefined;
      throw error;
    });
    return this.started;
  }

  /**
   * A policy's last built document. A policy with no rollout stream serves nothing (built on the
   * fly, not kept); one whose first build failed answers that failure.
   */
  async document(policyId: string): Promise<ServingDocument> {
    await this.ready();
    const held = this.documents.of(policyId);
    if (held) return held;
    if (this.failures.has(policyId)) throw this.failures.get(policyId);
    if (this.rollouts.has(policyId)) await this.flush();
    return this.documents.of(policyId) ?? documentOf(JSON.stringify(await this.builder.build(policyId, rolloutDecider.initialState(), -1)), -1);
  }

  async everything(): Promise<ServingDocument> {
    await this.ready();
    return this.documents.all();
  }

  /** Waits (at most `ms`) until the policy's document reflects `revision`: read-your-writes for commands. */
  async caughtUp(policyId: string, revision: number, ms = 3000): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      const seen = this.documents.seen();
      if ((this.documents.of(policyId)?.revision ?? -1) >= revision || !(await this.documents.wait(seen, deadline - Date.now()))) return;
    }
  }

  private async start(): Promise<void> {
    let after = 0;
    for (;;) {
      const page = await this.store.readAll({ after, limit: PAGE, categories: ['rollout'] });
      page.forEach((event) => this.fold(event));
      after = page.at(-1)?.position ?? after;
      if (page.length < PAGE) break;
    }
    await this.flush();
    this.position = Math.max(this.position, after);
    this.subscribe();
  }

  /**
   * Follows the store from the last folded position. A subscription ends on a read error (the
   * database restarting, say): it is opened again a second later from where it stopped, so the
   * projection, and every PDP and OPA agent reading it, never stays behind after the database is back.
   */
  private subscribe(): void {
    if (this.stopped) return;
    this.subscription = this.store.subscribe({
      after: this.position,
      categories: ['rollout'],
      onEvent: (event) => {
        this.fold(event);
        void this.flush();
        return Promise.resolve();
      },
      onError: (error) => {
        this.logger.error({ err: String(error), after: this.position }, 'serving projection subscription failed; resubscribing in 1 s');
        clearTimeout(this.resubscribe);
        this.resubscribe = setTimeout(() => this.subscribe(), 1000);
      },
    });
  }

  private fold(event: StoredEvent): void {
    this.position = Math.max(this.position, event.position);
    const policyId = event.streamId.slice(STREAM_PREFIX.length);
    const held = this.rollouts.get(policyId) ?? { state: rolloutDecider.initialState(), revision: -1 };
    if (event.revision <= held.revision) return;
    this.rollouts.set(policyId, { state: rolloutDecider.evolve(held.state, { type: event.type, data: event.data } as RolloutEvent), revision: event.revision });
    this.dirty.add(policyId);
    this.changes.notify(policyId);
  }

  /** Builds every changed policy; one flush at a time, and a change during a flush gets its own. */
  private flush(): Promise<void> {
    this.flushing ??= (async () => {
      while (this.dirty.size > 0) {
        const ids = [...this.dirty];
        this.dirty.clear();
        await Promise.all(ids.map((id) => this.build(id)));
      }
    })().finally(() => {
      this.flushing = undefined;
      if (this.dirty.size > 0) void this.flush();
    });
    return this.flushing;
  }

  private async build(policyId: string): Promise<void> {
    const held = this.rollouts.get(policyId);
    if (!held) return;
    try {
      this.documents.set(await this.builder.build(policyId, held.state, held.revision));
      this.failures.delete(policyId);
    } catch (error) {
      this.logger.error({ policyId, revision: held.revision, err: String(error) }, 'serving state not built; retrying in 1 s');
      this.failures.set(policyId, error);
      this.retry ??= setTimeout(() => {
        this.retry = undefined;
        for (const id of this.failures.keys()) this.dirty.add(id);
        void this.flush();
      }, 1000);
      this.retry.unref();
    }
  }
}
