import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics, type AuditChainBroken } from '@edict/contracts';
import { consumedFrom, EventConsumer } from '@edict/messaging';
import { AuditChainBrokenHandler } from '../handlers/audit-chain-broken.handler';

/** incident-response opens an incident for each break signing's audit anchor reports on edict.audit.v1. */
@Controller()
export class AuditEventsConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly broken: AuditChainBrokenHandler) {}

  @EventPattern(Topics.audit)
  async onAuditEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(consumedFrom(context), {
      AuditChainBroken: (event) => this.broken.handle(event.data as unknown as AuditChainBroken['data']),
    });
  }
}
