import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { Topics } from '@edict/contracts';
import { watermarkOf, type PartitionProgress } from '@edict/decision-log-domain';
import { consumerGroupOf, KAFKA } from '@edict/messaging';
import { DecisionWindowsRepository } from '../store/decision-windows.repository';

/**
 * Reads the event-time watermark of `edict.decisions.v1` for the closer. Per partition: caught up
 * when the group's committed offset has reached the high watermark (ingest commits only after a
 * batch is durable, so every message below it is stored), else at the newest decision timestamp
 * stored from it (decision_log_partitions). Offsets are read after `now` is taken, so a caught-up
 * partition stands at an instant before which everything appended was already stored.
 */
@Injectable()
export class WatermarkReader implements OnModuleDestroy {
  private admin: Admin | undefined;
  readonly topic = Topics.decisions;
  readonly group = consumerGroupOf('decision-log');

  constructor(@Inject(KAFKA) private readonly kafka: Kafka, private readonly windows: DecisionWindowsRepository) {}

  /** The watermark in epoch ms, or null while some partition has not reported (see watermarkOf). */
  async read(nowMs: number): Promise<number | null> {
    const progress = await this.progress();
    return watermarkOf(progress.partitions, progress.partitions.length, nowMs);
  }

  async progress(): Promise<{ partitions: PartitionProgress[] }> {
    const admin = await this.connected();
    try {
      const [high, committed] = await Promise.all([
        admin.fetchTopicOffsets(this.topic),
        admin.fetchOffsets({ groupId: this.group, topics: [this.topic] }),
      ]);
      const positions = await this.windows.partitionPositions(this.topic);
      const done = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      return {
        partitions: high.map((h) => ({
          partition: h.partition,
          caughtUp: Math.max(done.get(h.partition) ?? -1, Number(h.low)) >= Number(h.high),
          maxEventMs: positions.get(h.partition) ?? null,
        })),
      };
    } catch (error) {
      await this.disconnect(); // a fresh connection next time: never keep a broken one
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.disconnect();
  }

  private async connected(): Promise<Admin> {
    if (this.admin) return this.admin;
    const admin = this.kafka.admin();
    await admin.connect();
    this.admin = admin;
    return admin;
  }

  private async disconnect(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
