import { randomUUID } from 'node:crypto';
import { CloudEvent } from 'cloudevents';
import { cloudEventTypes, type DecisionLogged } from '@edict/contracts';
import { systemClock } from '@edict/core';
import { createLogger } from '@edict/observability';
import { DecisionPoint, type KeyLookup } from '@edict/pdp';
import type { KafkaPublisher, EdictCloudEvent } from '@edict/messaging';
import type { DecisionRequest } from '@edict/policy-engine';
import { ServingSyncService, type PdpConfig } from '@edict/pdp-feature';

type Decision = DecisionLogged['data'];

const decisionEvent = (d: Decision): EdictCloudEvent =>
  new CloudEvent<Record<string, unknown>>({
    id: d.decisionId, type: cloudEventTypes.DecisionLogged, source: '/edict/pdp/bench-load', subject: d.policyId, time: d.timestamp,
    datacontenttype: 'application/json', data: { ...d }, partitionkey: d.decisionId,
  }, false);

/** A DecisionPoint kept in step with distribution by the sidecar's ServingSyncService (long poll). */
export async function syncedDecisionPoint(distributionUrl: string, keys: KeyLookup, manifestKeys: KeyLookup): Promise<{ pdp: DecisionPoint; stop: () => void }> {
  const pdp = new DecisionPoint({ name: 'bench-load-pdp', clock: systemClock, ids: { next: randomUUID }, keys, manifestKeys });
  const config: PdpConfig = {
    name: 'bench-load-pdp', distributionUrl, jwksUrl: '', manifestJwksUrl: '', manifestJwksFile: undefined,
    resyncMs: 30_000, jwksTtlMs: 30_000, policies: undefined, logBatchSize: 500, logFlushMs: 200, logBufferLimit: 1000,
  };
  const metrics = { untrusted: { inc: () => undefined } } as unknown as ConstructorParameters<typeof ServingSyncService>[3];
  const sync = new ServingSyncService(pdp, config, createLogger('bench-load', { level: 'error' }), metrics);
  await sync.start();
  return { pdp, stop: () => sync.onApplicationShutdown() };
}

/**
 * `perSecond` decisions a second on `policyId` from `pdp`, one subject after another from a pool
 * of 5,000 (so a canary's share of them is its percentage), published to `topic` as the PDP
 * publishes them, in batches every 100 ms (a batch is skipped while the previous one is still in flight). `firstBad(version)` is the timestamp of the first
 * decision that version denied.
 */
export class DecisionLoad {
  private timer: NodeJS.Timeout | undefined;
  private n = 0;
  private startedAt = 0;
  private readonly firstDeny = new Map<string, number>();
  sent = 0;

  constructor(private readonly pdp: DecisionPoint, private readonly publisher: KafkaPublisher, private readonly topic: string, private readonly policyId: string, private readonly perSecond: number) {}

  start(request: DecisionRequest): void {
    const perTick = Math.round(this.perSecond / 10);
    let publishing = false;
    this.startedAt = Date.now();
    this.timer = setInterval(() => {
      // a tick whose predecessor is still being published is skipped, not queued: a decision is
      // stamped just before it is sent, so the bench's own backlog never counts as propagation
      if (publishing) return;
      publishing = true;
      const events: EdictCloudEvent[] = [];
      for (let i = 0; i < perTick; i++) {
        const d = this.pdp.decide({ policyId: this.policyId, subject: `agent-${this.n++ % 5000}`, request });
        if (d.result.effect === 'deny' && d.version && !this.firstDeny.has(d.version)) this.firstDeny.set(d.version, Date.parse(d.timestamp));
        events.push(decisionEvent(d));
      }
      void this.publisher.publish(this.topic, events).then(() => void (this.sent += events.length), () => undefined).finally(() => (publishing = false));
    }, 100);
  }

  /** Decisions a second actually published since `start` (below the asked rate when publishing cannot keep up). */
  achievedPerSecond(): number {
    return Math.round(this.sent / Math.max(1, (Date.now() - this.startedAt) / 1000));
  }

  firstBad(version: string): number | undefined {
    return this.firstDeny.get(version);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
