import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@edict/contracts';
import { consumedFrom, EventConsumer, type EdictCloudEvent } from '@edict/messaging';
import { ExceptionSyncService } from './exception-sync.service';

/**
 * Push: an exception event makes the PDP refetch that exception from authoring, so redelivery
 * and out-of-order events are harmless (the refetch reads where it stands now).
 */
@Controller()
export class ExceptionEventsConsumer {
  constructor(private readonly consumer: EventConsumer, private readonly sync: ExceptionSyncService) {}

  @EventPattern(Topics.exceptions)
  async onExceptionEvent(@Ctx() context: KafkaContext): Promise<void> {
    const refresh = (event: EdictCloudEvent): Promise<void> => this.sync.syncOne(String(event.data?.['exceptionId']));
    await this.consumer.handle(consumedFrom(context), {
      ExceptionRequested: refresh,
      ExceptionApproved: refresh,
      ExceptionRevoked: refresh,
      ExceptionExpired: refresh,
    });
  }
}
